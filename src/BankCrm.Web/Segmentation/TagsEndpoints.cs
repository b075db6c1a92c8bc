using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Segmentation;

/// <summary>/api/v1/tags (definitions, live count, refresh) and the tags of one customer.</summary>
public static class TagsEndpoints
{
    public static IEndpointRouteBuilder MapTagsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tags").WithTags("Tags");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.ScoresRead).WithName("ListTags").WithSummary("Tags with the number of customers in the caller's scope.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.TagsManage).WithName("CreateTag").WithSummary("Define a rule or manual tag; 400 names the field and the rule; 403 names an amount condition the caller may not set.");
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Permissions.TagsManage).WithName("UpdateTag").WithSummary("Change a tag's name, description or rule.");
        api.MapPost("/count", CountAsync).RequireAuthorization(Permissions.TagsManage).WithName("CountTagRule").WithSummary("Customers in the caller's scope matching a tag rule now (the editor's live count).");
        api.MapPost("/{id:long}/refresh", RefreshAsync).RequireAuthorization(Permissions.TagsManage).WithName("RefreshTag").WithSummary("Materialise a rule tag's customers now.");

        var customer = app.MapGroup("/api/v1/customers/{customerId:long}/tags").WithTags("Tags");
        customer.MapGet("/", CustomerTagsAsync).RequireAuthorization(Permissions.ScoresRead).WithName("ListCustomerTags").WithSummary("A customer's tags with their source and since when.");
        customer.MapPut("/{tagId:long}", SetAsync).RequireAuthorization(Permissions.ScoresRead).WithName("SetCustomerTag").WithSummary("Put a manual tag on a customer (tag managers; RMs on their own customers).");
        customer.MapDelete("/{tagId:long}", RemoveAsync).RequireAuthorization(Permissions.ScoresRead).WithName("RemoveCustomerTag").WithSummary("Take a manual tag off a customer.");
        return app;
    }

    /// <summary>
    /// Manual tags: staff who manage tags, and relationship managers, who know their customers best; either only
    /// within their data scope (an RM's scope is their own book).
    /// </summary>
    public static bool MaySetManualTags(ClaimsPrincipal user) =>
        PermissionMatrix.RolesFor(Permissions.TagsManage).Any(user.IsInRole) || user.IsInRole(StaffRole.RelationshipManager);

    internal static async Task<Ok<IReadOnlyList<TagListItem>>> ListAsync(ClaimsPrincipal user, TagStore tags, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tags.ListAsync(user.ToActor(), cancellationToken));

    internal static Task<Results<Created<TagDefinition>, Ok<TagDefinition>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAsync(
        TagRequest request, ClaimsPrincipal user, TagStore tags, TagRefresher refresher, StepUp stepUp, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(null, request, user, tags, refresher, stepUp, time, cancellationToken);

    internal static Task<Results<Created<TagDefinition>, Ok<TagDefinition>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        long id, TagRequest request, ClaimsPrincipal user, TagStore tags, TagRefresher refresher, StepUp stepUp, TimeProvider time, CancellationToken cancellationToken) =>
        SaveAsync(id, request, user, tags, refresher, stepUp, time, cancellationToken);

    internal static async Task<Results<Ok<CountResponse>, ValidationProblem, ProblemHttpResult>> CountAsync(
        RuleRequest request, ClaimsPrincipal user, TagStore tags, StepUp stepUp, CancellationToken cancellationToken)
    {
        if (RuleAmounts.Refused(stepUp, user, request.RuleText) is { Count: > 0 } refused)
        {
            return RuleAmounts.Problem(refused);
        }

        var (count, errors) = await tags.CountAsync(user.ToActor(), request.RuleText, RuleUse.Tag, cancellationToken);
        return count is null ? TypedResults.ValidationProblem(FieldErrors.ToDictionary(errors)) : TypedResults.Ok(new CountResponse(count.Value));
    }

    internal static async Task<Results<Ok<CountResponse>, NotFound>> RefreshAsync(long id, TagRefresher refresher, TimeProvider time, CancellationToken cancellationToken) =>
        await refresher.RefreshAsync(id, ChinaTime.Today(time), cancellationToken) is { } count ? TypedResults.Ok(new CountResponse(count)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<IReadOnlyList<CustomerTagLine>>, NotFound>> CustomerTagsAsync(
        long customerId, ClaimsPrincipal user, TagStore tags, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (await tags.ForCustomerAsync(user.ToActor(), customerId, cancellationToken) is { } lines)
        {
            return TypedResults.Ok(lines);
        }

        await audit.DeniedIfExistsAsync(user.ToActor(), customerId, "tags", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> SetAsync(
        long customerId, long tagId, ClaimsPrincipal user, TagStore tags, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, customerId, audit, () => tags.SetManualAsync(user.ToActor(), customerId, tagId, cancellationToken), cancellationToken);

    internal static Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> RemoveAsync(
        long customerId, long tagId, ClaimsPrincipal user, TagStore tags, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, customerId, audit, () => tags.RemoveManualAsync(user.ToActor(), customerId, tagId, cancellationToken), cancellationToken);

    private static async Task<Results<Created<TagDefinition>, Ok<TagDefinition>, ValidationProblem, NotFound, ProblemHttpResult>> SaveAsync(
        long? id, TagRequest request, ClaimsPrincipal user, TagStore tags, TagRefresher refresher, StepUp stepUp, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new TagInput(request.Name ?? string.Empty, request.Description, request.Kind, request.Kind == TagKind.Rule ? RuleRequest.RuleJsonText(request.Rule) : null);
        if (input.Rule is not null)
        {
            var stored = id is { } existing ? (await tags.FindAsync(existing, cancellationToken))?.Rule : null;
            if (RuleAmounts.Refused(stepUp, user, input.Rule, stored) is { Count: > 0 } refused)
            {
                return RuleAmounts.Problem(refused);
            }
        }

        var result = await tags.SaveAsync(user.ToActor(), id, input, cancellationToken);
        if (result.Tag is not { } tag)
        {
            return result.Errors.Any(e => e.Rule == "not-found") ? TypedResults.NotFound() : TypedResults.ValidationProblem(FieldErrors.ToDictionary(result.Errors));
        }

        if (tag.Kind == TagKind.Rule)
        {
            tag.CustomerCount = await refresher.RefreshAsync(tag.Id, ChinaTime.Today(time), cancellationToken) ?? 0;
        }

        return id is null ? TypedResults.Created($"/api/v1/tags/{tag.Id}", tag) : TypedResults.Ok(tag);
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> ChangeAsync(
        ClaimsPrincipal user, long customerId, CustomerAudit audit, Func<Task<ManualTagOutcome>> change, CancellationToken cancellationToken)
    {
        if (!MaySetManualTags(user))
        {
            return TypedResults.Forbid();
        }

        var outcome = await change();
        if (outcome == ManualTagOutcome.CustomerNotFound)
        {
            // Like every customer endpoint: a customer that exists outside the caller's scope is a refusal to audit.
            await audit.DeniedIfExistsAsync(user.ToActor(), customerId, "tags", cancellationToken);
        }

        return outcome switch
        {
            ManualTagOutcome.Done => TypedResults.NoContent(),
            ManualTagOutcome.NotManual => TypedResults.Problem(title: "规则标签不能手工设置", detail: "该标签由规则自动计算，只能手工设置「手工」类标签。", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
    }
}
