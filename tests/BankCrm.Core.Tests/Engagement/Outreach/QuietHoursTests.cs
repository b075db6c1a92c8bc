using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement.Outreach;

public sealed class QuietHoursTests
{
    // China time is UTC+8: 21:00 China = 13:00 UTC, 08:00 China = 00:00 UTC.
    private static DateTime China(int day, int hour, int minute = 0, int second = 0) =>
        new DateTime(2026, 12, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public void Contains_WhenExactlyTwentyOneHundred_IsQuiet() => Assert.True(QuietHours.Default.Contains(China(1, 21)));

    [Fact]
    public void Contains_WhenOneSecondBeforeTwentyOneHundred_IsNotQuiet() => Assert.False(QuietHours.Default.Contains(China(1, 20, 59, 59)));

    [Fact]
    public void Contains_WhenExactlyEightHundred_IsNotQuiet() => Assert.False(QuietHours.Default.Contains(China(2, 8)));

    [Fact]
    public void Contains_WhenOneSecondBeforeEightHundred_IsQuiet() => Assert.True(QuietHours.Default.Contains(China(2, 7, 59, 59)));

    [Fact]
    public void Contains_WhenMidnight_IsQuiet() => Assert.True(QuietHours.Default.Contains(China(2, 0)));

    [Fact]
    public void NextAllowed_WhenEveningBeforeMidnight_IsEightHundredNextDay() =>
        Assert.Equal(China(2, 8), QuietHours.Default.NextAllowed(China(1, 22, 30)));

    [Fact]
    public void NextAllowed_WhenEarlyMorning_IsEightHundredSameDay() =>
        Assert.Equal(China(2, 8), QuietHours.Default.NextAllowed(China(2, 3, 15)));

    [Fact]
    public void NextAllowed_WhenOutsideQuietHours_IsNow() =>
        Assert.Equal(China(2, 12), QuietHours.Default.NextAllowed(China(2, 12)));

    [Fact]
    public void NextAllowed_WhenResultIsUtc_HasUtcKind() =>
        Assert.Equal(DateTimeKind.Utc, QuietHours.Default.NextAllowed(China(1, 23)).Kind);

    [Fact]
    public void Contains_WhenWindowDoesNotCrossMidnight_UsesStartInclusiveEndExclusive()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.True(lunch.Contains(China(1, 12)));
        Assert.False(lunch.Contains(China(1, 14)));
        Assert.False(lunch.Contains(China(1, 11, 59)));
        Assert.Equal(China(1, 14), lunch.NextAllowed(China(1, 13)));
    }

    [Fact]
    public void Contains_WhenStartEqualsEnd_IsNeverQuiet() =>
        Assert.False(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)).Contains(China(1, 0)));
}
