using BankCrm.Web.Scoring;

namespace BankCrm.Web.Tests.Scoring;

public sealed class AmountTextTests
{
    [Theory]
    [InlineData("近 6 个月母婴消费 5 笔，共 ¥1,500.00", "近 6 个月母婴消费 5 笔，共 ¥***")]
    [InlineData("资产余额 90 天内下降 35%（¥12 万 → ¥7.8 万）", "资产余额 90 天内下降 35%（¥*** → ¥***）")]
    [InlineData("近 90 天转出 ¥6 万，相当于 90 天前资产的 50%", "近 90 天转出 ¥***，相当于 90 天前资产的 50%")]
    [InlineData("余额 ¥-320.50", "余额 ¥***")]
    [InlineData("近 90 天交易笔数下降 62%（37 → 14 笔）", "近 90 天交易笔数下降 62%（37 → 14 笔）")]
    public void Shown_WithoutAssetDetails_HidesEveryAmountAndKeepsCountsAndShares(string text, string expected)
    {
        Assert.Equal(expected, AmountText.Shown(text, showAssets: false));
        Assert.Equal(text, AmountText.Shown(text, showAssets: true));
    }

    [Fact]
    public void ChurnReasons_SplitsTheStoredLinesAndHidesTheirAmounts()
    {
        const string stored = "近 90 天转出 ¥6 万，相当于 90 天前资产的 50%\n近 180 天未登录手机银行\n";

        Assert.Equal(["近 90 天转出 ¥***，相当于 90 天前资产的 50%", "近 180 天未登录手机银行"], AmountText.ChurnReasons(stored, showAssets: false));
        Assert.Equal(["近 90 天转出 ¥6 万，相当于 90 天前资产的 50%", "近 180 天未登录手机银行"], AmountText.ChurnReasons(stored, showAssets: true));
        Assert.Empty(AmountText.ChurnReasons(null, showAssets: false));
        Assert.Empty(AmountText.ChurnReasons(string.Empty, showAssets: true));
    }
}
