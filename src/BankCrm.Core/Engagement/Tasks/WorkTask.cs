namespace BankCrm.Core.Engagement.Tasks;

/// <summary>Where a task came from.</summary>
public enum TaskSource
{
    Manual = 1,
    Playbook = 2,
    Campaign = 3,
    Compliance = 4,
    Event = 5,
}

public enum WorkTaskStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>How urgent the task is in itself; the inbox order also weighs the customer's tier, health and the due date.</summary>
public enum TaskUrgency
{
    Low = 1,
    Normal = 2,
    High = 3,
    Critical = 4,
}

/// <summary>
/// Something a member of staff should do for one customer (任务): call about a churn warning, offer a renewal,
/// follow up a salon. Owned by one user; reassigned or escalated when overdue.
/// </summary>
public sealed class WorkTask
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The staff user id of the owner.</summary>
    public string OwnerId { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>Why now, in words for the RM: "AUM fell 35% in 60 days — churn warning".</summary>
    public string Reason { get; set; } = string.Empty;

    public TaskSource Source { get; set; }

    /// <summary>
    /// Makes creation idempotent: e.g. "enrolment:42:step:3", "campaign:7:customer:1001". Unique when set; a second
    /// create with the same key returns the first task.
    /// </summary>
    public string? SourceKey { get; set; }

    public TaskUrgency Urgency { get; set; } = TaskUrgency.Normal;

    public DateTime DueAt { get; set; }

    public WorkTaskStatus Status { get; set; } = WorkTaskStatus.Open;

    /// <summary>The result the owner logged, e.g. "已联系-有意向"; free text from a fixed list in the UI.</summary>
    public string? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    /// <summary>Answers of the scripted pre-screening questionnaire (JSON), for high-intent leads.</summary>
    public string? PrescreenAnswers { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime? CompletedAt { get; set; }

    /// <summary>Set when an overdue task was escalated to the branch manager.</summary>
    public DateTime? EscalatedAt { get; set; }

    public string? EscalatedTo { get; set; }

    /// <summary>Optimistic concurrency: two people completing the same task do not overwrite each other.</summary>
    public int Version { get; set; }
}
