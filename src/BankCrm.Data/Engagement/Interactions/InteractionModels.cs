using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Data.Engagement.Interactions;

/// <summary>
/// POST /api/v1/customers/{id}/interactions. Channel and outcome by name ("Call", "ContactedInterested"; the outcome
/// also as its Chinese words); <see cref="OccurredAt"/> defaults to now; <see cref="CompleteTask"/> logs the outcome on
/// the linked task too.
/// </summary>
public sealed record LogInteraction(
    string? Channel,
    string? Summary,
    string? Outcome,
    string? NextStep = null,
    DateTime? OccurredAt = null,
    long? TaskId = null,
    bool? CompleteTask = null);

public abstract record InteractionOutcome
{
    /// <summary>Saved; <see cref="TaskStatus"/> is the linked task's status afterwards, if a task was linked.</summary>
    public sealed record Logged(long InteractionId, WorkTaskStatus? TaskStatus) : InteractionOutcome;

    public sealed record NotFound : InteractionOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : InteractionOutcome;
}

public enum TimelineKind
{
    Interaction = 1,
    Message = 2,
    JourneyStep = 3,
    Task = 4,
}

/// <summary>
/// One entry of a customer's timeline (客户时间线): a logged contact, a message sent or blocked, a step of a playbook
/// journey, or a task. Only the fields of its kind are set.
/// </summary>
public sealed record TimelineEntry(
    TimelineKind Kind,
    long SourceId,
    DateTime At,
    string Title,
    string? Detail,
    string? NextStep,
    string? StaffName,
    InteractionChannel? InteractionChannel,
    ContactChannel? MessageChannel,
    MessageStatus? MessageStatus,
    StepKind? StepKind,
    WorkTaskStatus? TaskStatus);
