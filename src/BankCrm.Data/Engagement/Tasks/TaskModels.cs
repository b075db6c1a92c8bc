using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>Whether the customer agreed to marketing on one channel (授权同意); anything but Granted means do not market there.</summary>
public sealed record ChannelConsent(ContactChannel Channel, ConsentState State);

/// <summary>
/// One task as the service-priority list shows it: why, for whom, how valuable and healthy the customer is, when it is
/// due, how to reach the customer and whether marketing is allowed on each channel.
/// </summary>
public sealed record TaskLine(
    long Id,
    string Title,
    string Reason,
    TaskSource Source,
    TaskUrgency Urgency,
    DateTime DueAt,
    WorkTaskStatus Status,
    string? Outcome,
    string? OutcomeNote,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    DateTime? EscalatedAt,
    string OwnerId,
    string? OwnerName,
    long CustomerId,
    string CustomerNumber,
    string CustomerName,
    ValueTier? Tier,
    int? Health,
    int Priority,
    ContactChannel? PreferredChannel,
    IReadOnlyList<ChannelConsent> Consents,
    int Version);

/// <summary>Which open tasks a list shows; every list is also limited to customers the actor may see.</summary>
public sealed record TaskFilter
{
    /// <summary>Only the tasks of this owner (the inbox: the actor's own id).</summary>
    public string? OwnerId { get; init; }

    public long? CustomerId { get; init; }

    public bool OverdueOnly { get; init; }

    /// <summary>The team view: tasks of the actor's branch only.</summary>
    public int? BranchId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>The workload of one member of a branch: open, overdue and done since Monday (China time).</summary>
public sealed record MemberLoad(string UserId, string DisplayName, string UserName, int Open, int Overdue, int DoneThisWeek);

/// <summary>GET /api/v1/tasks/team: each member of the manager's branch, and the open tasks nobody owns.</summary>
public sealed record TeamWorkload(int BranchId, IReadOnlyList<MemberLoad> Members, int UnassignedOpen, int EscalatedOpen);

/// <summary>A colleague a task may be given to: a member of the branch who works tasks.</summary>
public sealed record AssigneeOption(string UserId, string DisplayName, string UserName);

/// <summary>The result of changing a task.</summary>
public abstract record TaskChange
{
    public sealed record Changed(TaskLine Task) : TaskChange;

    /// <summary>No such task for this actor: unknown, someone else's, or of a customer outside the actor's scope.</summary>
    public sealed record NotFound(long? CustomerId) : TaskChange;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : TaskChange;

    /// <summary>The task is no longer open, or was changed by someone else meanwhile.</summary>
    public sealed record Conflict(string Message) : TaskChange;
}

public sealed record CompleteTask(string? Outcome, string? Note);

public sealed record ReassignTask(string? OwnerId);

public sealed record CancelTask(string? Note);

public sealed record CreateTask(long CustomerId, string? Title, string? Reason, string? Urgency, DateTime? DueAt, string? OwnerId);
