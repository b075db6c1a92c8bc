using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Data.Engagement.Tasks;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>Task and interaction reads and writes for Blazor screens, each on a DbContext of its own (see CustomerOperations for why).</summary>
internal sealed class TaskOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<PagedResult<TaskLine>> ListAsync(Actor actor, TaskFilter filter)
    {
        await using var db = factory.CreateDbContext();
        return await new TaskListQuery(db, time).ListAsync(actor, filter);
    }

    public async Task<TaskLine?> GetAsync(Actor actor, long id)
    {
        await using var db = factory.CreateDbContext();
        return await new TaskListQuery(db, time).GetAsync(actor, id);
    }

    public async Task<TeamWorkload?> TeamAsync(Actor actor)
    {
        await using var db = factory.CreateDbContext();
        return await new TeamWorkloadQuery(db, time).ForAsync(actor);
    }

    public async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(Actor actor)
    {
        await using var db = factory.CreateDbContext();
        return actor.BranchId is { } branchId ? await TaskAssignees.MembersAsync(db, branchId, CancellationToken.None) : [];
    }

    public async Task<TaskChange> ChangeAsync(Func<TaskStore, Task<TaskChange>> change)
    {
        await using var db = factory.CreateDbContext();
        return await change(new TaskStore(db, time, audit));
    }

    public async Task<InteractionOutcome> LogInteractionAsync(Actor actor, long customerId, LogInteraction request)
    {
        await using var db = factory.CreateDbContext();
        return await new InteractionStore(db, time, audit).LogAsync(actor, customerId, request);
    }

    public async Task<PagedResult<TimelineEntry>?> TimelineAsync(Actor actor, long customerId, int page, int pageSize)
    {
        await using var db = factory.CreateDbContext();
        return await new CustomerTimelineQuery(db).ForAsync(actor, customerId, page, pageSize);
    }
}
