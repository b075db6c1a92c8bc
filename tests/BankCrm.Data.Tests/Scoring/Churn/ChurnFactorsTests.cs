using BankCrm.Data.Scoring.Churn;

namespace BankCrm.Data.Tests.Scoring.Churn;

public sealed class ChurnFactorsTests
{
    private static readonly ChurnFeatures Leaving = new()
    {
        CustomerId = 7,
        Age = 41.5,
        TenureYears = 6.2,
        ProductCategories = 3,
        Transactions90 = 14,
        TransactionsPrevious90 = 37,
        DaysSinceLastTransaction = 23,
        Salaries60 = 0,
        SalariesPrevious120 = 4,
        Aum = 78_000,
        Aum90DaysAgo = 120_000,
        TransfersOut90 = 60_000,
        Logins90 = 0,
        LoginsPrevious90 = 0,
        Complaints180 = 2,
    };

    [Fact]
    public void Describe_WhenThreeTopicsPushTheScore_SaysTheseThreeWithTheCustomersValues()
    {
        var contributions = new float[ChurnFeatureSet.Features.Count];
        Set(contributions, "transactions_90", 0.4f);
        Set(contributions, "transaction_change_90", 0.3f);
        Set(contributions, "aum_change_90", 0.5f);
        Set(contributions, "complaints_180", 0.2f);
        Set(contributions, "salaries_60", 0.1f);
        Set(contributions, "age", -0.6f);

        var factors = ChurnFactors.Describe(Leaving, contributions);

        Assert.Equal(["近 90 天交易笔数下降 62%（37 → 14 笔），最近一笔在 23 天前", "资产余额 90 天内下降 35%（¥12 万 → ¥7.8 万）", "近 180 天有 2 次投诉"], factors);
    }

    [Theory]
    [InlineData("Salary", "近 60 天没有工资入账（此前 120 天有 4 笔）")]
    [InlineData("Logins", "近 180 天未登录手机银行")]
    [InlineData("TransfersOut", "近 90 天转出 ¥6 万，相当于 90 天前资产的 50%")]
    [InlineData("Tenure", "成为本行客户 6.2 年")]
    [InlineData("Profile", "41 岁个人客户")]
    public void Sentence_WhenTopicIsNamed_UsesTheCustomersOwnValues(string topic, string expected)
    {
        Assert.Equal(expected, ChurnFactors.Sentence(Enum.Parse<ChurnTopic>(topic), Leaving));
    }

    private static void Set(float[] contributions, string feature, float value) =>
        contributions[ChurnFeatureSet.Names.ToList().IndexOf(feature)] = value;
}
