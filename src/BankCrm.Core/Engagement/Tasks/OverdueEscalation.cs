namespace BankCrm.Core.Engagement.Tasks;

/// <summary>
/// An open task overdue by more than <see cref="After"/> is escalated once to the branch manager of the customer's
/// branch: the owner keeps it, the manager sees it marked 已升级 on the team page and may reassign it. A task already
/// escalated, done or cancelled is never escalated again.
/// </summary>
public sealed record OverdueEscalation(TimeSpan After)
{
    public static readonly TimeSpan DefaultAfter = TimeSpan.FromHours(24);

    public static OverdueEscalation Default { get; } = new(DefaultAfter);

    /// <summary>Tasks due before this instant are overdue by more than <see cref="After"/> at <paramref name="now"/>.</summary>
    public DateTime DueBefore(DateTime now) => now - After;

    public bool IsDue(WorkTask task, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return TaskStates.IsOpen(task.Status) && task.EscalatedAt is null && task.DueAt < DueBefore(now);
    }
}

/// <summary>Which task states count as still to do.</summary>
public static class TaskStates
{
    public static IReadOnlyList<WorkTaskStatus> Open { get; } = [WorkTaskStatus.Open, WorkTaskStatus.InProgress];

    public static bool IsOpen(WorkTaskStatus status) => status is WorkTaskStatus.Open or WorkTaskStatus.InProgress;
}
