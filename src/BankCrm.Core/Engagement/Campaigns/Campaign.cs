namespace BankCrm.Core.Engagement.Campaigns;

public enum CampaignStatus
{
    Draft = 1,
    PendingApproval = 2,
    Approved = 3,
    Rejected = 4,
    Running = 5,
    Completed = 6,
    Cancelled = 7,
}

/// <summary>
/// A marketing campaign (营销活动) to a saved segment: an offer on a channel strategy, a random control group held
/// out, approved by someone other than its maker before launch, and measured afterwards (uplift, ROI).
/// </summary>
public sealed class Campaign
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public long SegmentId { get; set; }

    public string Offer { get; set; } = string.Empty;

    /// <summary>A product whose opening after the message counts as a conversion; null = none tracked.</summary>
    public int? ProductId { get; set; }

    /// <summary>"preferred" (the customer's best consented channel) or a channel name ("Sms", "Email", …).</summary>
    public string ChannelStrategy { get; set; } = "preferred";

    public string Subject { get; set; } = string.Empty;

    /// <summary>Liquid template of the message.</summary>
    public string Template { get; set; } = string.Empty;

    public DateTime ScheduledAt { get; set; }

    /// <summary>Share of the segment held out as control, 0–50.</summary>
    public int ControlPercent { get; set; } = 10;

    /// <summary>Days after the send in which a product opening counts as a conversion.</summary>
    public int ConversionWindowDays { get; set; } = 30;

    public decimal CostPerMessage { get; set; }

    public decimal ValuePerConversion { get; set; }

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? RejectionReason { get; set; }

    public DateTime? LaunchedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>One customer of a campaign: in the treatment or the control group, and what happened.</summary>
public sealed class CampaignMember
{
    public long CampaignId { get; set; }

    public long CustomerId { get; set; }

    public bool IsControl { get; set; }

    public long? MessageId { get; set; }

    public DateTime? RespondedAt { get; set; }

    public DateTime? ConvertedAt { get; set; }

    public long? ConvertedAccountId { get; set; }
}
