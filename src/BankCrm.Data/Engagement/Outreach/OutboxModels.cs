using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>Filters of the outbox list; dates are China dates of when the message was put in the outbox.</summary>
public sealed record OutboxFilter
{
    public MessageStatus? Status { get; init; }

    public ContactChannel? Channel { get; init; }

    public MessageSource? Source { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public long? CustomerId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One message on the outbox page. <see cref="Channel"/> null: the customer's preferred channel, not chosen yet.</summary>
public sealed record OutboxListItem(
    long Id,
    long CustomerId,
    string CustomerNumber,
    string CustomerName,
    ContactChannel? Channel,
    MessagePurpose Purpose,
    MessageSource Source,
    long? SourceId,
    string Subject,
    MessageStatus Status,
    string? StatusReason,
    int Attempts,
    DateTime CreatedAt,
    DateTime NextAttemptAt,
    DateTime? SentAt,
    DateTime? RespondedAt);

/// <summary>One message with its text and, when it went to the development sink, what was "delivered".</summary>
public sealed record OutboxMessageDetail(OutboxListItem Message, string Body, bool Urgent, string CreatedBy, string? ProviderMessageId, DeliveredView? Delivered);

/// <summary>A row of the development sink; the recipient is stored masked.</summary>
public sealed record DeliveredView(long Id, long OutboundMessageId, long CustomerId, string CustomerName, ContactChannel Channel, string MaskedRecipient, string Subject, string Body, DateTime DeliveredAt);

/// <summary>How many messages are in each status under the current filters (the status filter itself aside).</summary>
public sealed record OutboxCounts(IReadOnlyDictionary<MessageStatus, int> ByStatus)
{
    public int Of(MessageStatus status) => ByStatus.GetValueOrDefault(status);
}

public sealed record SuppressionLine(
    long Id, long CustomerId, string CustomerNumber, string CustomerName, ContactChannel? Channel, string Reason, DateTime AddedAt, string AddedBy, DateTime? Until, bool Active);

/// <summary>A customer (by id or customer number) the bank must not contact, on one channel or all, until a date or until removed.</summary>
public sealed record AddSuppression(long? CustomerId, string? CustomerNumber, ContactChannel? Channel, string? Reason, DateOnly? Until);

public sealed record ChannelPreferenceLine(int Rank, ContactChannel Channel, int Score, PreferenceSource Source, DateTime? UpdatedAt, bool MarketingConsent);

/// <summary>The customer's channels, best first, and whether the caller may set them.</summary>
public sealed record CustomerChannelPreferences(long CustomerId, IReadOnlyList<ChannelPreferenceLine> Channels, bool MayEdit);

public sealed record ChannelScoreInput(ContactChannel? Channel, int? Score);

/// <summary>What an outbox action came to; Invalid carries the field and the rule in Chinese.</summary>
public abstract record OutreachOutcome
{
    public sealed record Done(object? Value = null) : OutreachOutcome;

    public sealed record NotFound : OutreachOutcome;

    public sealed record Forbidden(string Reason) : OutreachOutcome;

    public sealed record Conflict(string Reason) : OutreachOutcome;

    public sealed record Invalid(IReadOnlyList<Core.Common.FieldError> Errors) : OutreachOutcome;
}
