using BankCrm.Core.Consent;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>Why the bank writes: marketing needs the customer's marketing consent for the channel; service notices do not.</summary>
public enum MessagePurpose
{
    Service = 1,
    Marketing = 2,
}

public enum MessageStatus
{
    /// <summary>Waiting to be sent (possibly until after quiet hours or a retry back-off).</summary>
    Pending = 1,

    /// <summary>Claimed by a sender node under a lease.</summary>
    Sending = 2,

    Sent = 3,

    /// <summary>Not sent on purpose: no consent, over the cap, suppressed, no address. The reason says which.</summary>
    Blocked = 4,

    /// <summary>Failed every retry; kept for a person to look at and resend.</summary>
    DeadLetter = 5,
}

public enum MessageSource
{
    Manual = 1,
    Playbook = 2,
    Campaign = 3,
    Event = 4,
}

/// <summary>
/// One message in the outbox. Every message to a customer goes through here: consent, quiet hours, the frequency
/// cap and the suppression list are checked, the template is rendered, and a channel adapter delivers it.
/// <see cref="IdempotencyKey"/> is unique, so enqueuing the same message twice keeps one.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }

    /// <summary>"enrolment:42:step:0", "campaign:7:customer:1001", "manual:{guid}".</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public long CustomerId { get; set; }

    public ContactChannel Channel { get; set; }

    public MessagePurpose Purpose { get; set; }

    public MessageSource Source { get; set; }

    /// <summary>A service message that may go out in the quiet hours and to a suppressed customer (security alert, fraud warning).</summary>
    public bool Urgent { get; set; }

    /// <summary>Id of the enrolment, campaign or event that sent it.</summary>
    public long? SourceId { get; set; }

    public string Subject { get; set; } = string.Empty;

    /// <summary>The rendered text as it goes out.</summary>
    public string Body { get; set; } = string.Empty;

    public MessageStatus Status { get; set; } = MessageStatus.Pending;

    /// <summary>For Blocked and DeadLetter: which rule or what error, in words.</summary>
    public string? StatusReason { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time (quiet hours, back-off, a scheduled campaign).</summary>
    public DateTime NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime? SentAt { get; set; }

    /// <summary>The adapter's id for the sent message (SMTP message id, SMS gateway id).</summary>
    public string? ProviderMessageId { get; set; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? ClickedAt { get; set; }

    /// <summary>The customer replied or acted on it (set by a channel callback or by staff).</summary>
    public DateTime? RespondedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// What the development sink "delivered" (SMS, WeCom, app push, and e-mail when no SMTP server is configured):
/// stored so it can be shown on the outbox page and counted by tests. One row per outbound message at most.
/// </summary>
public sealed class DeliveredMessage
{
    public long Id { get; set; }

    public long OutboundMessageId { get; set; }

    public long CustomerId { get; set; }

    public ContactChannel Channel { get; set; }

    /// <summary>Masked address (138****0000, z***@example.com): the sink must not become a copy of contact data.</summary>
    public string MaskedRecipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTime DeliveredAt { get; set; }

    public string DeliveredBy { get; set; } = string.Empty;
}

/// <summary>A customer (and optionally one channel) the bank must not contact: complaint, opt-out by phone, legal hold.</summary>
public sealed class SuppressionEntry
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>Null = every channel.</summary>
    public ContactChannel? Channel { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTime AddedAt { get; set; }

    public string AddedBy { get; set; } = string.Empty;

    /// <summary>Null = until removed.</summary>
    public DateTime? Until { get; set; }
}

public enum PreferenceSource
{
    /// <summary>From the seed-002 defaults by age and customer type.</summary>
    Default = 1,

    /// <summary>Learned from which channel the customer responds to.</summary>
    Learned = 2,

    /// <summary>Set by staff (the customer said so).</summary>
    Staff = 3,
}

/// <summary>How much a customer likes a channel (渠道偏好库): the outbox picks the highest-ranked consented channel.</summary>
public sealed class ChannelPreference
{
    public long CustomerId { get; set; }

    public ContactChannel Channel { get; set; }

    /// <summary>0–100; higher is preferred.</summary>
    public int Score { get; set; }

    public PreferenceSource Source { get; set; }

    public DateTime UpdatedAt { get; set; }
}
