using BankCrm.Web.Components.Shared.Formatting;

namespace BankCrm.Web.Tests.Components.Shared.Formatting;

public sealed class DatesAndPercentTests
{
    [Fact]
    public void Day_WhenUtcEveningIsNextDayInChina_ShowsTheChinaDate() =>
        Assert.Equal("2026-04-01", Dates.Day(new DateTime(2026, 3, 31, 16, 30, 0, DateTimeKind.Utc)));

    [Fact]
    public void Minute_WhenUtc_ShowsChinaStandardTime() =>
        Assert.Equal("2026-11-24 08:05", Dates.Minute(new DateTime(2026, 11, 24, 0, 5, 0, DateTimeKind.Utc)));

    [Fact]
    public void Day_WhenNoDate_ShowsDash() => Assert.Equal("—", Dates.Day((DateOnly?)null));

    [Theory]
    [InlineData("0.031", "3.1%")]
    [InlineData("0.0349", "3.5%")]
    [InlineData("-0.12", "-12.0%")]
    public void Format_WhenRatio_ShowsOneDecimal(string ratio, string expected) =>
        Assert.Equal(expected, Percent.Format(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Change_WhenNothingBefore_IsUnknownRatherThanInfinite() => Assert.Null(Percent.Change(0m, 100m));

    [Fact]
    public void Change_WhenGrown_IsPositiveRatio() => Assert.Equal(0.25m, Percent.Change(800m, 1000m));
}
