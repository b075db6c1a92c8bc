using BankCrm.Core.Common;

namespace BankCrm.Core.Engagement.Tasks;

/// <summary>
/// How a task moves: Open → InProgress (started, or an attempt that did not reach the customer) → Done or Cancelled.
/// Each change bumps <see cref="WorkTask.Version"/>, so two people changing the same task do not overwrite each other.
/// The callers have checked who may make the change and that the task is still open.
/// </summary>
public static class TaskLifecycle
{
    public static void Start(WorkTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        EnsureOpen(task);
        task.Status = WorkTaskStatus.InProgress;
        task.Version++;
    }

    /// <summary>A closing outcome finishes the task; 未接通 and 约定再联系 keep it open (in progress) with the attempt noted.</summary>
    public static void LogOutcome(WorkTask task, TaskOutcome outcome, string? note, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(task);
        EnsureOpen(task);
        task.Outcome = TaskOutcomes.Text(outcome);
        task.OutcomeNote = TextNormalizer.Clean(note) is { Length: > 0 } cleaned ? cleaned : null;
        if (TaskOutcomes.ClosesTask(outcome))
        {
            task.Status = WorkTaskStatus.Done;
            task.CompletedAt = now;
        }
        else
        {
            task.Status = WorkTaskStatus.InProgress;
        }

        task.Version++;
    }

    public static void Cancel(WorkTask task, string? note, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(task);
        EnsureOpen(task);
        task.Status = WorkTaskStatus.Cancelled;
        task.OutcomeNote = TextNormalizer.Clean(note) is { Length: > 0 } cleaned ? cleaned : task.OutcomeNote;
        task.CompletedAt = now;
        task.Version++;
    }

    /// <summary>The new owner takes the task as it is; an escalation stays recorded, so it is never escalated twice.</summary>
    public static void Reassign(WorkTask task, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        EnsureOpen(task);
        task.OwnerId = ownerId;
        task.Version++;
    }

    private static void EnsureOpen(WorkTask task)
    {
        if (!TaskStates.IsOpen(task.Status))
        {
            throw new InvalidOperationException($"Task {task.Id} is {task.Status}; only open tasks change.");
        }
    }
}
