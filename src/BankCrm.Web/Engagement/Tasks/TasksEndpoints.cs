using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Audit;
using BankCrm.Web.Engagement.Interactions;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>
/// /api/v1/tasks: the actor's service-priority list, the branch manager's team view, and changes to one task. A task
/// the actor may not see or change answers 404, and when it exists the refusal is audited against its customer.
/// </summary>
public static class TasksEndpoints
{
    public static IEndpointRouteBuilder MapTasksApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tasks").WithTags("Tasks");
        api.MapGet("/", InboxAsync).RequireAuthorization(Permissions.TasksWork).WithName("ListMyTasks")
            .WithSummary("The caller's open tasks in service-priority order (服务优先级清单), paged; overdue=true for overdue ones only.");
        api.MapGet("/team", TeamAsync).RequireAuthorization(Permissions.TasksTeam).WithName("GetTeamWorkload")
            .WithSummary("Per member of the caller's branch: open, overdue and done this week; unassigned and escalated counts.");
        api.MapGet("/team/tasks", TeamTasksAsync).RequireAuthorization(Permissions.TasksTeam).WithName("ListTeamTasks")
            .WithSummary("Open tasks of the caller's branch in priority order, paged; filter by owner or overdue.");
        api.MapGet("/team/assignees", AssigneesAsync).RequireAuthorization(Permissions.TasksTeam).WithName("ListTaskAssignees")
            .WithSummary("Members of the caller's branch a task can be reassigned to.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.TasksWork).WithName("GetTask")
            .WithSummary("One task: the caller's own, or one of the branch for a branch manager.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.TasksWork).WithName("CreateTask")
            .WithSummary("Create a task by hand for a customer in scope; for oneself, or for a colleague of the branch (branch managers).");
        api.MapPost("/{id:long}/start", StartAsync).RequireAuthorization(Permissions.TasksWork).WithName("StartTask").WithSummary("Mark one's own task in progress.");
        api.MapPost("/{id:long}/complete", CompleteAsync).RequireAuthorization(Permissions.TasksWork).WithName("CompleteTask")
            .WithSummary("Log the outcome of one's own task from the fixed list; 未接通 and 约定再联系 keep it open, the others close it.");
        api.MapPost("/{id:long}/cancel", CancelAsync).RequireAuthorization(Permissions.TasksWork).WithName("CancelTask")
            .WithSummary("Cancel one's own task, or (branch managers) a task of the branch.");
        api.MapPost("/{id:long}/reassign", ReassignAsync).RequireAuthorization(Permissions.TasksTeam).WithName("ReassignTask")
            .WithSummary("Give a task of the branch to a colleague of the branch who can open the customer.");
        app.MapInteractionsApiV1();
        return app;
    }

    internal static async Task<Ok<PagedResult<TaskLine>>> InboxAsync(
        ClaimsPrincipal user, TaskListQuery query, StepUp stepUp, bool? overdue, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var filter = new TaskFilter { OwnerId = actor.UserId, OverdueOnly = overdue ?? false, Page = page ?? 1, PageSize = pageSize ?? 20 };
        return TypedResults.Ok(TaskReasons.AsSeen(await query.ListAsync(actor, filter, cancellationToken), stepUp.ShowsAssetAmounts(user)));
    }

    internal static async Task<Results<Ok<TeamWorkload>, NotFound>> TeamAsync(ClaimsPrincipal user, TeamWorkloadQuery query, CancellationToken cancellationToken) =>
        await query.ForAsync(user.ToActor(), cancellationToken) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    internal static async Task<Results<Ok<PagedResult<TaskLine>>, NotFound>> TeamTasksAsync(
        ClaimsPrincipal user, TaskListQuery query, StepUp stepUp, string? ownerId, bool? overdue, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (actor.BranchId is not { } branchId)
        {
            return TypedResults.NotFound();
        }

        var filter = new TaskFilter { BranchId = branchId, OwnerId = ownerId, OverdueOnly = overdue ?? false, Page = page ?? 1, PageSize = pageSize ?? 20 };
        return TypedResults.Ok(TaskReasons.AsSeen(await query.ListAsync(actor, filter, cancellationToken), stepUp.ShowsAssetAmounts(user)));
    }

    internal static async Task<Ok<IReadOnlyList<AssigneeOption>>> AssigneesAsync(ClaimsPrincipal user, TaskOperations operations) =>
        TypedResults.Ok(await operations.AssigneesAsync(user.ToActor()));

    internal static async Task<Results<Ok<TaskLine>, NotFound>> GetAsync(
        long id, ClaimsPrincipal user, TaskListQuery query, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (await query.GetAsync(actor, id, cancellationToken) is { } task)
        {
            return TypedResults.Ok(TaskReasons.AsSeen(task, stepUp.ShowsAssetAmounts(user)));
        }

        await DeniedAsync(actor, new TaskChange.NotFound(await query.CustomerOfAsync(id, cancellationToken)), audit, "task", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Results<Created<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTask request, ClaimsPrincipal user, TaskCreation creation, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var change = await creation.CreateAsync(user.ToActor(), request, cancellationToken);
        switch (change)
        {
            case TaskChange.Changed created:
                return TypedResults.Created($"/api/v1/tasks/{created.Task.Id}", TaskReasons.AsSeen(created.Task, stepUp.ShowsAssetAmounts(user)));
            case TaskChange.Invalid invalid:
                return Invalid(invalid);
            case TaskChange.Conflict conflict:
                return Conflict(conflict);
            default:
                await DeniedAsync(user.ToActor(), change, audit, "task.create", cancellationToken);
                return TypedResults.NotFound();
        }
    }

    internal static Task<Results<Ok<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> StartAsync(
        long id, ClaimsPrincipal user, TaskStore store, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, stepUp, store.StartAsync(user.ToActor(), id, cancellationToken), audit, "task.start", cancellationToken);

    internal static Task<Results<Ok<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        long id, CompleteTask request, ClaimsPrincipal user, TaskStore store, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, stepUp, store.CompleteAsync(user.ToActor(), id, request, cancellationToken), audit, "task.complete", cancellationToken);

    internal static Task<Results<Ok<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        long id, CancelTask request, ClaimsPrincipal user, TaskStore store, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, stepUp, store.CancelAsync(user.ToActor(), id, request, cancellationToken), audit, "task.cancel", cancellationToken);

    internal static Task<Results<Ok<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> ReassignAsync(
        long id, ReassignTask request, ClaimsPrincipal user, TaskStore store, StepUp stepUp, CustomerAudit audit, CancellationToken cancellationToken) =>
        ChangeAsync(user, stepUp, store.ReassignAsync(user.ToActor(), id, request, cancellationToken), audit, "task.reassign", cancellationToken);

    private static async Task<Results<Ok<TaskLine>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        ClaimsPrincipal user, StepUp stepUp, Task<TaskChange> pending, CustomerAudit audit, string what, CancellationToken cancellationToken)
    {
        var change = await pending;
        switch (change)
        {
            case TaskChange.Changed changed:
                return TypedResults.Ok(TaskReasons.AsSeen(changed.Task, stepUp.ShowsAssetAmounts(user)));
            case TaskChange.Invalid invalid:
                return Invalid(invalid);
            case TaskChange.Conflict conflict:
                return Conflict(conflict);
            default:
                await DeniedAsync(user.ToActor(), change, audit, what, cancellationToken);
                return TypedResults.NotFound();
        }
    }

    private static ValidationProblem Invalid(TaskChange.Invalid invalid) => TypedResults.ValidationProblem(
        invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: "任务信息有误");

    private static ProblemHttpResult Conflict(TaskChange.Conflict conflict) =>
        TypedResults.Problem(title: "任务状态已变化", detail: conflict.Message, statusCode: StatusCodes.Status409Conflict);

    private static async Task DeniedAsync(Actor actor, TaskChange change, CustomerAudit audit, string what, CancellationToken cancellationToken)
    {
        if (change is TaskChange.NotFound { CustomerId: { } customerId })
        {
            await audit.DeniedIfExistsAsync(actor, customerId, what, cancellationToken);
        }
    }
}
