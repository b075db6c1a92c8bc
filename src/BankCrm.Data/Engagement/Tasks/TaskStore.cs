using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// Changes to tasks by staff, each saved with its audit entry in one transaction. The owner works a task (start, log
/// an outcome, cancel); a branch manager (tasks.team) reassigns or cancels the tasks of the branch. A task the actor
/// may not change is <see cref="TaskChange.NotFound"/>, never a hint that it exists.
/// </summary>
public sealed class TaskStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<TaskChange> StartAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(actor, id, asLead: false, cancellationToken);
        if (task is null || !TaskStates.IsOpen(task.Status))
        {
            return await RefusedAsync(task, id, cancellationToken);
        }

        if (task.Status == WorkTaskStatus.InProgress)
        {
            return await ChangedAsync(actor, task.Id, cancellationToken);
        }

        TaskLifecycle.Start(task);
        return await SaveAsync(actor, task, AuditActions.TaskStarted, new { taskId = task.Id }, cancellationToken);
    }

    public async Task<TaskChange> CompleteAsync(Actor actor, long id, CompleteTask request, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(actor, id, asLead: false, cancellationToken);
        if (task is null || !TaskStates.IsOpen(task.Status))
        {
            return await RefusedAsync(task, id, cancellationToken);
        }

        var errors = TaskRules.ValidateOutcome(request.Outcome, request.Note, out var outcome);
        if (errors.Count > 0)
        {
            return new TaskChange.Invalid(errors);
        }

        TaskLifecycle.LogOutcome(task, outcome, request.Note, Now());
        return await SaveAsync(actor, task, AuditActions.TaskOutcomeLogged, new { taskId = task.Id, outcome = task.Outcome, status = task.Status.ToString() }, cancellationToken);
    }

    public async Task<TaskChange> CancelAsync(Actor actor, long id, CancelTask request, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(actor, id, asLead: actor.Can(Permissions.TasksTeam), cancellationToken);
        if (task is null || !TaskStates.IsOpen(task.Status))
        {
            return await RefusedAsync(task, id, cancellationToken);
        }

        if (TextNormalizer.Clean(request.Note).Length > TaskRules.MaxNoteLength)
        {
            return new TaskChange.Invalid([new FieldError("note", "too_long", $"备注不能超过 {TaskRules.MaxNoteLength} 个字")]);
        }

        TaskLifecycle.Cancel(task, request.Note, Now());
        return await SaveAsync(actor, task, AuditActions.TaskCancelled, new { taskId = task.Id }, cancellationToken);
    }

    /// <summary>Within the manager's branch only, to a colleague who can open the customer (<see cref="TaskAssignees"/>).</summary>
    public async Task<TaskChange> ReassignAsync(Actor actor, long id, ReassignTask request, CancellationToken cancellationToken = default)
    {
        var task = await FindAsync(actor, id, asLead: true, cancellationToken);
        if (task is null || !TaskStates.IsOpen(task.Status))
        {
            return await RefusedAsync(task, id, cancellationToken);
        }

        var (ownerId, ownerName, error) = await TaskAssignees.CheckAsync(db, actor, task.CustomerId, request.OwnerId, Now(), cancellationToken);
        if (error is not null)
        {
            return new TaskChange.Invalid([error]);
        }

        if (ownerId == task.OwnerId)
        {
            return new TaskChange.Invalid([new FieldError(TaskAssignees.Field, "same", "任务已由这位同事负责")]);
        }

        var from = task.OwnerId;
        TaskLifecycle.Reassign(task, ownerId!);
        return await SaveAsync(actor, task, AuditActions.TaskReassigned, new { taskId = task.Id, from, to = ownerId, toName = ownerName }, cancellationToken);
    }

    /// <summary>
    /// The task for <paramref name="actor"/> to change, tracked: their own, or (as a lead) any of a customer of the
    /// branch; always of a customer the actor may see.
    /// </summary>
    internal async Task<WorkTask?> FindAsync(Actor actor, long id, bool asLead, CancellationToken cancellationToken)
    {
        var visible = db.Customers.VisibleTo(actor);
        var branchId = actor.BranchId;
        return await db.WorkTasks
            .Where(t => t.Id == id && visible.Any(c => c.Id == t.CustomerId))
            .Where(t => t.OwnerId == actor.UserId || (asLead && db.Customers.Any(c => c.Id == t.CustomerId && c.BranchId == branchId)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<TaskChange> SaveAsync(Actor actor, WorkTask task, string action, object detail, CancellationToken cancellationToken)
    {
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new TaskChange.Conflict("任务刚被他人处理，请刷新后再试");
            }

            await append.AppendAsync(AuditRecord.By(actor, action) with { CustomerId = task.CustomerId, Fields = "task", Detail = AuditDetail.Of(detail) }, cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return await ChangedAsync(actor, task.Id, cancellationToken);
    }

    private async Task<TaskChange> ChangedAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        await new TaskListQuery(db, time).GetAsync(actor, id, cancellationToken) is { } line
            ? new TaskChange.Changed(line)
            : new TaskChange.NotFound(null);

    /// <summary>A closed task of the actor's is a conflict; any other refusal names the customer, for the audit of the 404.</summary>
    private async Task<TaskChange> RefusedAsync(WorkTask? task, long id, CancellationToken cancellationToken) => task is not null
        ? new TaskChange.Conflict(task.Status == WorkTaskStatus.Done ? "任务已完成" : "任务已取消")
        : new TaskChange.NotFound(await db.WorkTasks.AsNoTracking().Where(t => t.Id == id).Select(t => (long?)t.CustomerId).FirstOrDefaultAsync(cancellationToken));

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
