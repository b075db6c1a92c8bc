using System.Globalization;
using BankCrm.Web.Components.Shared.Formatting;

namespace BankCrm.Web.Tests.Components.Shared.Formatting;

public sealed class MoneyTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("1234567.89", "¥1,234,567.89")]
    [InlineData("0", "¥0.00")]
    [InlineData("0.5", "¥0.50")]
    [InlineData("-1234.5", "-¥1,234.50")]
    public void Format_WhenAnyAmount_ShowsYenThousandsSeparatorsAndTwoDecimals(string amount, string expected) =>
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Fact]
    public void Format_WhenCultureIsEnglish_StillUsesTheSameDigits()
    {
        using var _ = new CultureScope("en");
        Assert.Equal("¥1,234,567.89", Money.Format(1_234_567.89m));
    }

    [Fact]
    public void Format_WhenForeignCurrency_ShowsItsSymbol() =>
        Assert.Equal("US$1,000.00", Money.Format(1000m, "USD"));

    [Theory]
    [InlineData("1234567", "¥123.46万")]
    [InlineData("10000", "¥1.00万")]
    [InlineData("862000", "¥86.20万")]
    [InlineData("123456789", "¥1.23亿")]
    [InlineData("9999.99", "¥9,999.99")]
    [InlineData("-1234567", "-¥123.46万")]
    public void Compact_WhenChinese_UsesWanAndYi(string amount, string expected) =>
        Assert.Equal(expected, Money.Compact(decimal.Parse(amount, CultureInfo.InvariantCulture), Chinese));

    [Theory]
    [InlineData("1234567", "¥1.23M")]
    [InlineData("12345", "¥12.35K")]
    [InlineData("2500000000", "¥2.50B")]
    public void Compact_WhenEnglish_UsesThousandsMillionsBillions(string amount, string expected) =>
        Assert.Equal(expected, Money.Compact(decimal.Parse(amount, CultureInfo.InvariantCulture), English));

    [Fact]
    public void Compact_WhenNoCultureGiven_FollowsTheCurrentUiCulture()
    {
        using (new CultureScope("zh-CN"))
        {
            Assert.Equal("¥123.46万", Money.Compact(1_234_567m));
        }

        using (new CultureScope("en"))
        {
            Assert.Equal("¥1.23M", Money.Compact(1_234_567m));
        }
    }

    [Theory]
    [InlineData("100", "+¥100.00")]
    [InlineData("-100", "-¥100.00")]
    [InlineData("0", "¥0.00")]
    public void Signed_WhenMoneyMoves_ShowsDirection(string amount, string expected) =>
        Assert.Equal(expected, Money.Signed(decimal.Parse(amount, CultureInfo.InvariantCulture)));
}
