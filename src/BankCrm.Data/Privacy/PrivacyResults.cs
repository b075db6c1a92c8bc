using BankCrm.Core.Privacy;

namespace BankCrm.Data.Privacy;

public enum PrivacyFailure
{
    NotFound = 1,
    Forbidden = 2,
    Invalid = 3,
    Conflict = 4,

    /// <summary>The database refused midway; the transaction was rolled back and nothing changed.</summary>
    Failed = 5,
}

/// <summary>Why an action on a request was refused. <see cref="CustomerId"/> is set when a customer exists outside the caller's scope, for the audit.</summary>
public sealed record PrivacyProblem(PrivacyFailure Failure, string Message, string Field = "", long? CustomerId = null)
{
    public static PrivacyProblem NotFound(long? customerId = null) => new(PrivacyFailure.NotFound, "请求或客户不存在，或不在您的权限范围内", CustomerId: customerId);
}

/// <summary>A value or the reason there is none.</summary>
public sealed record PrivacyResult<T>(T? Value, PrivacyProblem? Problem)
{
    public static implicit operator PrivacyResult<T>(PrivacyProblem problem) => new(default, problem);

    public static PrivacyResult<T> Ok(T value) => new(value, null);
}

public sealed record RequestListItem(
    long Id, long CustomerId, string CustomerNumber, string MaskedName, RequestKind Kind, RequestChannel Channel, RequestStatus Status,
    DateTime ReceivedAt, DateOnly DueOn, int DaysLeft, DeadlineState Deadline, string? HandledByName);

public sealed record RequestHistoryLine(RequestStatus? From, RequestStatus To, DateTime ChangedAt, string ChangedBy, string? Note);

public sealed record CorrectionLine(
    long Id, IReadOnlyDictionary<string, string?> Changes, CorrectionState State, string ProposedBy, string ProposedById, DateTime ProposedAt,
    string? DecidedBy, DateTime? DecidedAt, string? DecisionNote);

public sealed record RequestDetail(
    long Id, long CustomerId, string CustomerNumber, string MaskedName, RequestKind Kind, RequestChannel Channel, RequestStatus Status,
    DateTime ReceivedAt, DateOnly DueOn, int DaysLeft, DeadlineState Deadline, string? RequesterNote, string LoggedBy,
    string? HandledBy, string? HandledByName, DateTime? CompletedAt, string? RejectionReason, DateTime? JsonExportedAt, DateTime? HtmlExportedAt,
    string? Outcome, int Version, IReadOnlyList<RequestHistoryLine> History, IReadOnlyList<CorrectionLine> Corrections);

public sealed record RequestFilter
{
    public RequestStatus? Status { get; init; }

    public RequestKind? Kind { get; init; }

    /// <summary>Received or in progress only.</summary>
    public bool OpenOnly { get; init; }

    public long? CustomerId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record NewRequest(long CustomerId, RequestKind Kind, RequestChannel Channel, string? RequesterNote);

/// <summary>Overdue and due-soon open requests for the compliance workbench.</summary>
public sealed record DeadlineCounts(int Open, int DueSoon, int Overdue);
