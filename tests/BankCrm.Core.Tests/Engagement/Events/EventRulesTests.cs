using BankCrm.Core.Engagement.Events;

namespace BankCrm.Core.Tests.Engagement.Events;

public sealed class EventRulesTests
{
    private static readonly DateTime Start = new(2026, 12, 20, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Move_WhenInvitedRegistersWithSeatsLeft_IsRegistered()
    {
        var attendee = new EventAttendee { Status = AttendeeStatus.Invited };

        Assert.Null(EventRules.Move(attendee, AttendeeStatus.Registered, Salon(capacity: 2), seatsTaken: 1, Start.AddDays(-3)));
        Assert.Equal(AttendeeStatus.Registered, attendee.Status);
        Assert.Equal(Start.AddDays(-3), attendee.RegisteredAt);
    }

    [Fact]
    public void Move_WhenFull_IsRefusedNamingTheCapacity()
    {
        var attendee = new EventAttendee { Status = AttendeeStatus.Invited };

        var refused = EventRules.Move(attendee, AttendeeStatus.Registered, Salon(capacity: 2), seatsTaken: 2, Start.AddDays(-3));

        Assert.Contains("2 个名额", refused?.Message, StringComparison.Ordinal);
        Assert.Equal(AttendeeStatus.Invited, attendee.Status);
    }

    [Fact]
    public void Move_WhenRegisteredChecksIn_TakesNoNewSeat()
    {
        var attendee = new EventAttendee { Status = AttendeeStatus.Registered };

        Assert.Null(EventRules.Move(attendee, AttendeeStatus.Attended, Salon(capacity: 2), seatsTaken: 2, Start.AddMinutes(-30)));
        Assert.Equal(AttendeeStatus.Attended, attendee.Status);
    }

    [Fact]
    public void Move_WhenCheckInTheDayBefore_IsRefused() =>
        Assert.NotNull(EventRules.Move(new EventAttendee { Status = AttendeeStatus.Registered }, AttendeeStatus.Attended, Salon(), 0, Start.AddDays(-1)));

    [Fact]
    public void Move_WhenNoShowBeforeTheStart_IsRefused() =>
        Assert.NotNull(EventRules.Move(new EventAttendee { Status = AttendeeStatus.Registered }, AttendeeStatus.NoShow, Salon(), 0, Start.AddMinutes(-1)));

    [Theory]
    [InlineData(AttendeeStatus.Attended, AttendeeStatus.Declined)]
    [InlineData(AttendeeStatus.Declined, AttendeeStatus.Attended)]
    [InlineData(AttendeeStatus.Invited, AttendeeStatus.NoShow)]
    public void Move_WhenNotAStep_IsRefusedNamingBothStates(AttendeeStatus from, AttendeeStatus to)
    {
        var refused = EventRules.Move(new EventAttendee { Status = from }, to, Salon(), 0, Start.AddHours(1));

        Assert.Contains(EventRules.Label(from), refused?.Message, StringComparison.Ordinal);
        Assert.Contains(EventRules.Label(to), refused?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanInvite_WhenStartedOrCancelled_IsRefused()
    {
        Assert.Null(EventRules.CanInvite(Salon(), Start.AddDays(-1)));
        Assert.NotNull(EventRules.CanInvite(Salon(), Start));
        var cancelled = Salon();
        cancelled.Status = EventStatus.Cancelled;
        Assert.NotNull(EventRules.CanInvite(cancelled, Start.AddDays(-1)));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void MayBeInvited_WhenListedOrSuppressed_IsFalse(bool listed, bool suppressed, bool expected) =>
        Assert.Equal(expected, EventRules.MayBeInvited(listed, suppressed));

    private static BankEvent Salon(int capacity = 30) => new() { Id = 1, Title = "家族信托与全球化资产配置", StartsAt = Start, Capacity = capacity, Status = EventStatus.Open };
}
