namespace BankCrm.Core.Engagement.Events;

/// <summary>Why an event step was refused, in Chinese, with the field it concerns.</summary>
public sealed record EventRefusal(string Message, string Field = "status", bool IsConflict = true);

/// <summary>
/// Rules of customer events and salons (seed 002: 每季度闭门沙龙; seed 003: 客户沙龙、理财讲座): who may be invited,
/// how an attendee's status may change, and that registrations never exceed the capacity.
/// </summary>
public static class EventRules
{
    /// <summary>Check-in opens this long before the start (guests arrive early).</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(2);

    /// <summary>Invitations go out only for an event that is still ahead and not cancelled or over.</summary>
    public static EventRefusal? CanInvite(BankEvent bankEvent, DateTime now)
    {
        if (bankEvent.Status is EventStatus.Cancelled or EventStatus.Held)
        {
            return new($"活动{Label(bankEvent.Status)}，不能再邀请");
        }

        return bankEvent.StartsAt <= now ? new("活动已经开始，不能再邀请") : null;
    }

    /// <summary>
    /// A customer may be invited unless already on the list (invited once, whatever they answered) or on the
    /// suppression list for every channel (complaint, legal hold, "do not contact").
    /// </summary>
    public static bool MayBeInvited(bool alreadyListed, bool suppressedEverywhere) => !alreadyListed && !suppressedEverywhere;

    /// <summary>Registered and attended guests hold a seat.</summary>
    public static bool HoldsSeat(AttendeeStatus status) => status is AttendeeStatus.Registered or AttendeeStatus.Attended;

    /// <summary>
    /// Moves an attendee: Invited → Registered / Declined / Attended (walk-in); Registered → Declined / Attended / NoShow;
    /// Declined → Registered; NoShow → Attended (came late). Taking a seat needs one free; attendance is recorded
    /// from two hours before the start, a no-show only after it.
    /// </summary>
    public static EventRefusal? Move(EventAttendee attendee, AttendeeStatus to, BankEvent bankEvent, int seatsTaken, DateTime now)
    {
        if (bankEvent.Status == EventStatus.Cancelled)
        {
            return new("活动已取消");
        }

        var allowed = (attendee.Status, to) switch
        {
            (AttendeeStatus.Invited, AttendeeStatus.Registered or AttendeeStatus.Declined or AttendeeStatus.Attended) => true,
            (AttendeeStatus.Registered, AttendeeStatus.Declined or AttendeeStatus.Attended or AttendeeStatus.NoShow) => true,
            (AttendeeStatus.Declined, AttendeeStatus.Registered) => true,
            (AttendeeStatus.NoShow, AttendeeStatus.Attended) => true,
            _ => false,
        };
        if (!allowed)
        {
            return new($"「{Label(attendee.Status)}」的客户不能改为「{Label(to)}」");
        }

        if (HoldsSeat(to) && !HoldsSeat(attendee.Status) && seatsTaken >= bankEvent.Capacity)
        {
            return new($"活动已满（{bankEvent.Capacity} 个名额）");
        }

        if (to == AttendeeStatus.Attended && now < bankEvent.StartsAt - CheckInOpensBefore)
        {
            return new("活动开始前两小时起才能签到");
        }

        if (to == AttendeeStatus.NoShow && now < bankEvent.StartsAt)
        {
            return new("活动开始后才能记为未到场");
        }

        attendee.Status = to;
        switch (to)
        {
            case AttendeeStatus.Registered:
                attendee.RegisteredAt = now;
                break;
            case AttendeeStatus.Attended:
                attendee.AttendedAt = now;
                break;
        }

        return null;
    }

    public static string Label(EventStatus status) => status switch
    {
        EventStatus.Planned => "筹备中",
        EventStatus.Open => "报名中",
        EventStatus.Held => "已举办",
        EventStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    public static string Label(AttendeeStatus status) => status switch
    {
        AttendeeStatus.Invited => "已邀请",
        AttendeeStatus.Registered => "已报名",
        AttendeeStatus.Declined => "已婉拒",
        AttendeeStatus.Attended => "已签到",
        AttendeeStatus.NoShow => "未到场",
        _ => status.ToString(),
    };
}
