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
/// A task a member of staff creates by hand, through <see cref="TaskWriter"/> like every other task, with its audit
/// entry in the same transaction. It is the creator's own unless a branch manager gives it to a colleague.
/// </summary>
public sealed class TaskCreation(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<TaskChange> CreateAsync(Actor actor, CreateTask request, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == request.CustomerId, cancellationToken))
        {
            return new TaskChange.NotFound(request.CustomerId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var dueAt = request.DueAt is { } due ? TaskRules.ToUtc(due) : (DateTime?)null;
        var errors = new List<FieldError>(TaskRules.ValidateNew(request.Title, request.Reason, request.Urgency, dueAt, now, out var urgency));
        var ownerId = actor.UserId;
        if (!string.IsNullOrWhiteSpace(request.OwnerId) && request.OwnerId != actor.UserId)
        {
            var (id, _, error) = actor.Can(Permissions.TasksTeam)
                ? await TaskAssignees.CheckAsync(db, actor, request.CustomerId, request.OwnerId, now, cancellationToken)
                : (null, null, new FieldError(TaskAssignees.Field, "not_allowed", "只有网点负责人可以为同事创建任务"));
            if (error is not null)
            {
                errors.Add(error);
            }

            ownerId = id ?? ownerId;
        }

        if (errors.Count > 0)
        {
            return new TaskChange.Invalid(errors);
        }

        var task = new NewTask(request.CustomerId, TextNormalizer.Clean(request.Title), TextNormalizer.Clean(request.Reason), TaskSource.Manual, SourceKey: null,
            urgency, dueAt!.Value, actor.UserId, ownerId);
        long taskId;
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            taskId = await TaskWriter.CreateAsync(db, task, now, cancellationToken);
            await append.AppendAsync(
                AuditRecord.By(actor, AuditActions.TaskCreated) with
                {
                    CustomerId = request.CustomerId,
                    Fields = "task",
                    Detail = AuditDetail.Of(new { taskId, ownerId, urgency = urgency.ToString(), dueAt = task.DueAt }),
                },
                cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return await new TaskListQuery(db, time).GetAsync(actor, taskId, cancellationToken) is { } line
            ? new TaskChange.Changed(line)
            : new TaskChange.NotFound(request.CustomerId);
    }
}
