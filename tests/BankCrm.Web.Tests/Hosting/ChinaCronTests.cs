using BankCrm.Web.Hosting;
using Quartz;

namespace BankCrm.Web.Tests.Hosting;

public sealed class ChinaCronTests
{
    [Theory]
    [InlineData("0 0 2 * * ?", "0 0 18 * * ?")]
    [InlineData("0 30 9 ? * *", "0 30 1 ? * *")]
    [InlineData("0 15 1,9 * * ?", "0 15 1,17 * * ?")]
    [InlineData("0 0 */6 * * ?", "0 0 4,10,16,22 * * ?")]
    [InlineData("0 0 7-9 * * ? *", "0 0 0,1,23 * * ? *")]
    [InlineData("0 */5 * * * ?", "0 */5 * * * ?")]
    public void ToUtc_WhenDaily_ShiftsTheHoursEightHoursBack(string china, string utc)
    {
        Assert.Equal(utc, ChinaCron.ToUtc(china, "Scoring:Cron"));
    }

    [Fact]
    public void ToUtc_FiresAtTheSameInstantsAsTheChinaTimeSchedule()
    {
        var china = CronExpression.Parse("0 0 2 * * ?").WithTimeZone(TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST"));
        var utc = CronExpression.Parse(ChinaCron.ToUtc("0 0 2 * * ?", "Scoring:Cron")).WithTimeZone(TimeZoneInfo.Utc);
        var from = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(china.GetNextValidTimeAfter(from), utc.GetNextValidTimeAfter(from));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero), utc.GetNextValidTimeAfter(from));
    }

    [Theory]
    [InlineData("0 0 2 ? * MON")]
    [InlineData("0 0 2 1 * ?")]
    [InlineData("0 0 2 * 1 ?")]
    [InlineData("not a cron")]
    public void ToUtc_WhenTheScheduleNamesDaysOrIsNotCron_RefusesNamingTheSetting(string china)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ChinaCron.ToUtc(china, "Scoring:Cron"));

        Assert.Contains("Scoring:Cron", refused.Message, StringComparison.Ordinal);
    }
}
