using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Playbooks;

/// <summary>/api/v1/playbooks: lifecycle playbooks for marketing (playbooks.manage). Errors name the field and the rule in Chinese.</summary>
public static class PlaybookEndpoints
{
    public static IEndpointRouteBuilder MapPlaybookEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/playbooks").WithTags("Playbooks").RequireAuthorization(Permissions.PlaybooksManage);
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("ListPlaybooks").WithSummary("Playbooks with their enabled state and enrolments by status.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("GetPlaybook").WithSummary("One playbook with its trigger, conditions, steps and exit rules.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("CreatePlaybook").WithSummary("Create a playbook (disabled until enabled); 400 names the field and the rule.");
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("UpdatePlaybook").WithSummary("Change a playbook; 409 when it changed since the version sent.");
        api.MapPost("/{id:long}/enable", EnableAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("EnablePlaybook").WithSummary("Start enrolling customers and running steps.");
        api.MapPost("/{id:long}/disable", DisableAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("DisablePlaybook").WithSummary("Pause: no new enrolments, enrolled customers wait.");
        api.MapGet("/{id:long}/stats", StatsAsync).RequireAuthorization(Permissions.PlaybooksManage).WithName("GetPlaybookStats").WithSummary("Enrolments by status, executions per step, messages and replies, tasks.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<PlaybookListItem>>> ListAsync(PlaybookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<PlaybookView>, NotFound>> GetAsync(long id, PlaybookStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } playbook ? TypedResults.Ok(playbook) : TypedResults.NotFound();

    internal static Task<Results<Created<PlaybookView>, Ok<PlaybookView>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAsync(
        PlaybookRequest request, ClaimsPrincipal user, PlaybookStore store, CancellationToken cancellationToken) =>
        SaveAsync(null, request, user, store, cancellationToken);

    internal static Task<Results<Created<PlaybookView>, Ok<PlaybookView>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        long id, PlaybookRequest request, ClaimsPrincipal user, PlaybookStore store, CancellationToken cancellationToken) =>
        SaveAsync(id, request, user, store, cancellationToken);

    internal static async Task<Results<Ok<PlaybookView>, NotFound>> EnableAsync(long id, ClaimsPrincipal user, PlaybookStore store, CancellationToken cancellationToken) =>
        await store.SetEnabledAsync(user.ToActor(), id, enabled: true, cancellationToken) is { } playbook ? TypedResults.Ok(playbook) : TypedResults.NotFound();

    internal static async Task<Results<Ok<PlaybookView>, NotFound>> DisableAsync(long id, ClaimsPrincipal user, PlaybookStore store, CancellationToken cancellationToken) =>
        await store.SetEnabledAsync(user.ToActor(), id, enabled: false, cancellationToken) is { } playbook ? TypedResults.Ok(playbook) : TypedResults.NotFound();

    internal static async Task<Results<Ok<PlaybookStats>, NotFound>> StatsAsync(long id, PlaybookStore store, CancellationToken cancellationToken) =>
        await store.StatsAsync(id, cancellationToken) is { } stats ? TypedResults.Ok(stats) : TypedResults.NotFound();

    private static async Task<Results<Created<PlaybookView>, Ok<PlaybookView>, ValidationProblem, NotFound, ProblemHttpResult>> SaveAsync(
        long? id, PlaybookRequest request, ClaimsPrincipal user, PlaybookStore store, CancellationToken cancellationToken)
    {
        var (definition, errors) = request.Read();
        if (definition is null)
        {
            return TypedResults.ValidationProblem(FieldErrors.ToDictionary(errors), title: "经营策略填写有误");
        }

        return await store.SaveAsync(user.ToActor(), id, definition, request.Version, cancellationToken) switch
        {
            PlaybookOutcome.Saved saved when id is null => TypedResults.Created($"/api/v1/playbooks/{saved.Playbook.Id}", saved.Playbook),
            PlaybookOutcome.Saved saved => TypedResults.Ok(saved.Playbook),
            PlaybookOutcome.Invalid invalid => TypedResults.ValidationProblem(FieldErrors.ToDictionary(invalid.Errors), title: "经营策略填写有误"),
            PlaybookOutcome.Conflict conflict => TypedResults.Problem(
                title: "经营策略已被他人修改",
                detail: $"您编辑的是第 {request.Version} 版，当前已是第 {conflict.CurrentVersion} 版。请重新打开后再修改，您的修改未保存。",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.CurrentVersion }),
            _ => TypedResults.NotFound(),
        };
    }
}
