namespace BankCrm.Core.Engagement.Playbooks;

public enum EnrolmentStatus
{
    Active = 1,
    Completed = 2,
    Exited = 3,
    Failed = 4,
}

/// <summary>
/// One customer walking through one playbook for one occurrence of its trigger. The key
/// "playbook × customer × occurrence" is unique, so a trigger evaluated twice (restart, two nodes) enrols once.
/// </summary>
public sealed class Enrolment
{
    public long Id { get; set; }

    public long PlaybookId { get; set; }

    public long CustomerId { get; set; }

    /// <summary>What makes this occurrence distinct: "account:123", "2026-11-25", "stage:DeclineWarning:2026-11-01".</summary>
    public string OccurrenceKey { get; set; } = string.Empty;

    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;

    /// <summary>Index of the next step to run.</summary>
    public int NextStep { get; set; }

    /// <summary>When the next step is due (after a wait).</summary>
    public DateTime NextStepAt { get; set; }

    public DateTime EnrolledAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? ExitReason { get; set; }

    /// <summary>Lease for the node executing the next step, so two nodes never run the same step at once.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    /// <summary>
    /// Answers to the pre-screening questionnaire (JSON of <see cref="PrescreenSheet"/>), recorded from the customer's
    /// app or chatbot reply or by an agent; copied onto the tasks the enrolment creates with a questionnaire.
    /// </summary>
    public string? PrescreenAnswers { get; set; }

    public int Version { get; set; }
}

/// <summary>The journey history shown on the 360 page: one row per executed step.</summary>
public sealed class EnrolmentStep
{
    public long Id { get; set; }

    public long EnrolmentId { get; set; }

    public long CustomerId { get; set; }

    public int StepIndex { get; set; }

    public StepKind Kind { get; set; }

    public DateTime ExecutedAt { get; set; }

    /// <summary>What happened, in words: "短信已排队 #123", "任务已创建 #45", "已跳过: 未授权".</summary>
    public string Result { get; set; } = string.Empty;
}
