using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Campaigns;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>A draft as typed: every field nullable so that a missing one is reported by name, not as a parse error.</summary>
public sealed record CampaignInput(
    string? Name,
    long? SegmentId,
    string? Offer,
    int? ProductId,
    string? ChannelStrategy,
    string? Subject,
    string? Template,
    DateTimeOffset? ScheduledAt,
    int? ControlPercent,
    int? ConversionWindowDays,
    decimal? CostPerMessage,
    decimal? ValuePerConversion);

public sealed record CampaignListItem(
    long Id, string Name, string SegmentName, CampaignStatus Status, DateTime ScheduledAt, string CreatedByName, int Members, int Messages, DateTime CreatedAt);

/// <summary>Launch progress: members assigned so far, of them held out, and messages enqueued.</summary>
public sealed record LaunchProgress(int Members, int Control, int Messages);

public sealed record CampaignView(
    long Id, string Name, long SegmentId, string SegmentName, string Offer, int? ProductId, string? ProductName, string ChannelStrategy,
    string Subject, string Template, DateTime ScheduledAt, int ControlPercent, int ConversionWindowDays, decimal CostPerMessage,
    decimal ValuePerConversion, CampaignStatus Status, string CreatedBy, string CreatedByName, DateTime CreatedAt, string? ApprovedBy,
    string? ApprovedByName, DateTime? ApprovedAt, string? RejectionReason, DateTime? LaunchedAt, DateTime? CompletedAt, int Version,
    LaunchProgress Progress);

/// <summary>What an approver sees: the campaign, how many customers it reaches now, and the message as it will read.</summary>
public sealed record CampaignApprovalView(CampaignView Campaign, int SegmentMembers, int ExpectedControl, string PreviewSubject, string PreviewBody);

public sealed record CampaignMemberLine(long CustomerId, string CustomerNumber, string MaskedName, bool IsControl, long? MessageId, string? MessageStatus, DateTime? ConvertedAt);

public enum EngagementFailure
{
    NotFound = 1,
    Forbidden = 2,
    Invalid = 3,
    Conflict = 4,
}

public sealed record EngagementProblem(EngagementFailure Failure, string Message, IReadOnlyList<FieldError> Errors, long? CustomerId = null)
{
    public static EngagementProblem NotFound(string what = "营销活动") => new(EngagementFailure.NotFound, $"{what}不存在", []);

    public static EngagementProblem Invalid(IReadOnlyList<FieldError> errors) => new(EngagementFailure.Invalid, errors[0].Message, errors);

    public static EngagementProblem From(CampaignRefusal refusal) => refusal.Kind switch
    {
        CampaignRefusalKind.Invalid => new(EngagementFailure.Invalid, refusal.Message, [new FieldError(refusal.Field, "rule", refusal.Message)]),
        CampaignRefusalKind.Forbidden => new(EngagementFailure.Forbidden, refusal.Message, []),
        _ => new(EngagementFailure.Conflict, refusal.Message, []),
    };
}

/// <summary>A value or the reason there is none.</summary>
public sealed record EngagementResult<T>(T? Value, EngagementProblem? Problem)
{
    public static implicit operator EngagementResult<T>(EngagementProblem problem) => new(default, problem);

    public static EngagementResult<T> Ok(T value) => new(value, null);
}
