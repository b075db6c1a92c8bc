using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>Enrolments of a playbook by status.</summary>
public sealed record EnrolmentCounts(int Active, int Completed, int Exited, int Failed)
{
    public static EnrolmentCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Active + Completed + Exited + Failed;
}

/// <summary>A playbook in the list; <see cref="Trigger"/> is null when its stored definition does not parse.</summary>
public sealed record PlaybookListItem(
    long Id, string Code, string Name, string Description, bool Enabled, PlaybookTrigger? Trigger, bool HasConditions, bool Shipped, EnrolmentCounts Enrolments,
    DateTime UpdatedAt, string UpdatedBy);

/// <summary>A playbook with its definition; <see cref="Problems"/> lists what is wrong with a stored definition that no longer validates.</summary>
public sealed record PlaybookView(
    long Id, string Code, string Name, string Description, bool Enabled, PlaybookTrigger? Trigger, CustomerRule? Conditions, IReadOnlyList<PlaybookStep> Steps,
    PlaybookExitRules ExitRules, int Version, DateTime UpdatedAt, string UpdatedBy, bool Shipped, IReadOnlyList<FieldError> Problems);

public sealed record StepCount(int Index, StepKind Kind, int Executed);

/// <summary>How a playbook performs: enrolments by status, executions per step, messages enqueued and answered.</summary>
public sealed record PlaybookStats(long PlaybookId, EnrolmentCounts Enrolments, IReadOnlyList<StepCount> Steps, int MessagesEnqueued, int MessagesResponded, int TasksCreated);

public abstract record PlaybookOutcome
{
    public sealed record Saved(PlaybookView Playbook) : PlaybookOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : PlaybookOutcome;

    public sealed record Conflict(int CurrentVersion) : PlaybookOutcome;

    public sealed record NotFound : PlaybookOutcome;
}

/// <summary>One executed step of a journey, for the 360 page.</summary>
public sealed record JourneyStepLine(int Index, StepKind Kind, DateTime ExecutedAt, string Result);

/// <summary>One enrolment of a customer with its executed steps (the 旅程 tab).</summary>
public sealed record JourneyLine(
    long EnrolmentId, long PlaybookId, string PlaybookName, EnrolmentStatus Status, DateTime EnrolledAt, DateTime? NextStepAt, DateTime? FinishedAt,
    string? ExitReason, IReadOnlyList<JourneyStepLine> Steps, PrescreenSheet? Prescreen);

public sealed record PrescreenInput(IReadOnlyList<PrescreenAnswer>? Answers, string? Via);

public enum PrescreenOutcome
{
    Recorded = 1,
    NotFound = 2,
    Invalid = 3,
    CustomerOutOfScope = 4,
}
