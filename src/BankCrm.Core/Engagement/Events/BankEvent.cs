namespace BankCrm.Core.Engagement.Events;

public enum EventStatus
{
    Planned = 1,
    Open = 2,
    Held = 3,
    Cancelled = 4,
}

/// <summary>A customer event (沙龙/活动), e.g. "家族信托与全球化资产配置" salon: invite a segment, track who comes, follow up.</summary>
public sealed class BankEvent
{
    public long Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public DateTime StartsAt { get; set; }

    public string Location { get; set; } = string.Empty;

    public int Capacity { get; set; }

    public int? BranchId { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Planned;

    public string CreatedBy { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }
}

public enum AttendeeStatus
{
    Invited = 1,
    Registered = 2,
    Declined = 3,
    Attended = 4,
    NoShow = 5,
}

public sealed class EventAttendee
{
    public long EventId { get; set; }

    public long CustomerId { get; set; }

    public AttendeeStatus Status { get; set; } = AttendeeStatus.Invited;

    public DateTime InvitedAt { get; set; }

    public DateTime? RegisteredAt { get; set; }

    public DateTime? AttendedAt { get; set; }

    public long? FollowUpTaskId { get; set; }
}
