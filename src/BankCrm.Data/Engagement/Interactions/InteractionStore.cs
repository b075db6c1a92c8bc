using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Interactions;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Tasks;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Interactions;

/// <summary>
/// Logs a contact with a customer (记录互动) from the 360 page or from a task. Logged from a task, the interaction
/// links the task (<see cref="Interaction.TaskId"/>) and, when asked, logs the same outcome on it; both rows and their
/// audit entries commit together or not at all.
/// </summary>
public sealed class InteractionStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public async Task<InteractionOutcome> LogAsync(Actor actor, long customerId, LogInteraction request, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return new InteractionOutcome.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var occurredAt = request.OccurredAt is { } at ? TaskRules.ToUtc(at) : now;
        var errors = new List<FieldError>(InteractionRules.Validate(request.Channel, request.Summary, request.Outcome, request.NextStep, occurredAt, now));
        WorkTask? task = null;
        if (request.TaskId is { } taskId)
        {
            task = await new TaskStore(db, time, audit).FindAsync(actor, taskId, asLead: false, cancellationToken);
            if (task is null || task.CustomerId != customerId || !TaskStates.IsOpen(task.Status))
            {
                errors.Add(new FieldError("taskId", "unknown", "该任务不存在、已关闭或不属于您"));
            }
        }

        if (errors.Count > 0)
        {
            return new InteractionOutcome.Invalid(errors);
        }

        InteractionRules.TryParseChannel(request.Channel, out var channel);
        TaskOutcomes.TryParse(request.Outcome, out var outcome);
        var interaction = new Interaction
        {
            CustomerId = customerId,
            StaffId = actor.UserId,
            Channel = channel,
            OccurredAt = occurredAt,
            Summary = TextNormalizer.Clean(request.Summary),
            Outcome = TaskOutcomes.Text(outcome),
            NextStep = TextNormalizer.Clean(request.NextStep) is { Length: > 0 } next ? next : null,
            TaskId = task?.Id,
        };
        db.Interactions.Add(interaction);
        var completes = task is not null && request.CompleteTask == true;
        if (completes)
        {
            TaskLifecycle.LogOutcome(task!, outcome, interaction.Summary, now);
        }

        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new InteractionOutcome.Invalid([new FieldError("taskId", "changed", "任务刚被他人处理，请刷新后再试")]);
            }

            List<AuditRecord> records =
            [
                AuditRecord.By(actor, AuditActions.InteractionLogged) with
                {
                    CustomerId = customerId,
                    Fields = "interaction",
                    Detail = AuditDetail.Of(new { interactionId = interaction.Id, channel = channel.ToString(), outcome = interaction.Outcome, taskId = interaction.TaskId }),
                },
            ];
            if (completes)
            {
                records.Add(AuditRecord.By(actor, AuditActions.TaskOutcomeLogged) with
                {
                    CustomerId = customerId,
                    Fields = "task",
                    Detail = AuditDetail.Of(new { taskId = task!.Id, outcome = task.Outcome, status = task.Status.ToString(), interactionId = interaction.Id }),
                });
            }

            await append.AppendAllAsync(records, cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return new InteractionOutcome.Logged(interaction.Id, task?.Status);
    }
}
