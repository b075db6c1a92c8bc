using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement.Outreach;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    public void DelayAfter_WhenAFailureHasRetriesLeft_WaitsTheScheduledMinutes(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.Default.DelayAfter(failures));

    [Fact]
    public void DelayAfter_WhenTheFifthTryFails_IsADeadLetter()
    {
        Assert.Null(RetrySchedule.Default.DelayAfter(5));
        Assert.Equal(5, RetrySchedule.Default.MaxAttempts);
    }
}
