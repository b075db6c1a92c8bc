using BankCrm.Core.Privacy;

namespace BankCrm.Core.Tests.Privacy;

public sealed class ResponseDeadlineTests
{
    [Fact]
    public void DueOn_WhenReceivedInTheMorning_IsFifteenChinaDaysLater()
    {
        var received = new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 12, 10), ResponseDeadline.DueOn(received, 15));
    }

    [Fact]
    public void DueOn_WhenReceivedLateInTheEveningUtc_CountsFromTheChinaDate()
    {
        // 17:30 UTC is 01:30 the next morning in Beijing: the request arrived on the 26th there.
        var received = new DateTime(2026, 11, 25, 17, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2026, 12, 11), ResponseDeadline.DueOn(received, 15));
    }

    [Fact]
    public void DueOn_WhenResponseDaysIsZero_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResponseDeadline.DueOn(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0));

        Assert.Equal("responseDays", error.ParamName);
        Assert.Equal(0, error.ActualValue);
        Assert.StartsWith("Privacy:ResponseDays must be at least 1.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, DeadlineState.OnTrack)]
    [InlineData(4, DeadlineState.OnTrack)]
    [InlineData(3, DeadlineState.DueSoon)]
    [InlineData(0, DeadlineState.DueSoon)]
    [InlineData(-1, DeadlineState.Overdue)]
    public void StateOf_WhenOpen_FollowsTheDaysLeft(int daysLeft, DeadlineState expected)
    {
        var today = new DateOnly(2026, 11, 25);

        Assert.Equal(expected, ResponseDeadline.StateOf(RequestStatus.InProgress, today.AddDays(daysLeft), today));
        Assert.Equal(daysLeft, ResponseDeadline.DaysLeft(today.AddDays(daysLeft), today));
    }

    [Fact]
    public void StateOf_WhenCompletedAfterTheDueDate_IsClosedNotOverdue()
    {
        var today = new DateOnly(2026, 11, 25);

        Assert.Equal(DeadlineState.Closed, ResponseDeadline.StateOf(RequestStatus.Completed, today.AddDays(-5), today));
    }
}
