using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Interactions;

/// <summary>
/// Logging a contact (记录互动) and the customer's timeline, scoped like every customer endpoint: out of scope is an
/// audited 404. The list of interactions alone stays at GET /api/v1/customers/{id}/interactions (CustomersEndpoints).
/// </summary>
public static class InteractionsEndpoints
{
    public static IEndpointRouteBuilder MapInteractionsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:long}").WithTags("Interactions");
        api.MapPost("/interactions", LogAsync).RequireAuthorization(Permissions.InteractionsWrite).WithName("LogInteraction")
            .WithSummary("Log a call, visit, WeCom chat, branch talk or salon with its outcome and next step; from a task (taskId) it links the task and, with completeTask, logs the outcome on it.");
        api.MapGet("/timeline", TimelineAsync).RequireAuthorization(Permissions.CustomersRead).WithName("GetCustomerTimeline")
            .WithSummary("Interactions, messages sent or blocked, journey steps and tasks, newest first, paged.");
        return app;
    }

    internal static async Task<Results<Created<LoggedInteraction>, NotFound, ValidationProblem>> LogAsync(
        long id, LogInteraction request, ClaimsPrincipal user, InteractionStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        switch (await store.LogAsync(actor, id, request, cancellationToken))
        {
            case InteractionOutcome.Logged logged:
                return TypedResults.Created($"/api/v1/customers/{id}/interactions", new LoggedInteraction(logged.InteractionId, logged.TaskStatus));
            case InteractionOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(
                    invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: "互动信息有误");
            default:
                await audit.DeniedIfExistsAsync(actor, id, "interactions.log", cancellationToken);
                return TypedResults.NotFound();
        }
    }

    internal static async Task<Results<Ok<PagedResult<TimelineEntry>>, NotFound>> TimelineAsync(
        long id, ClaimsPrincipal user, CustomerTimelineQuery query, CustomerAudit audit, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (await query.ForAsync(actor, id, page ?? 1, pageSize ?? 20, cancellationToken) is { } timeline)
        {
            return TypedResults.Ok(timeline);
        }

        await audit.DeniedIfExistsAsync(actor, id, "timeline", cancellationToken);
        return TypedResults.NotFound();
    }
}

/// <summary>The answer to a logged interaction: its id and, when logged from a task, the task's status afterwards.</summary>
public sealed record LoggedInteraction(long Id, WorkTaskStatus? TaskStatus);
