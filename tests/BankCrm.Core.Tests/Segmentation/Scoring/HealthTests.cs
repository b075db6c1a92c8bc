using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class HealthTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1_000, 0)]
    [InlineData(10_000, 25)]
    [InlineData(100_000, 50)]
    [InlineData(10_000_000, 100)]
    [InlineData(500_000_000, 100)]
    public void AumPoints_OnALogScale_RunsFromAThousandToTenMillion(decimal aum, int expected)
    {
        Assert.Equal(expected, Health.AumPoints(aum));
    }

    [Fact]
    public void Score_WhenEverythingIsMaximal_IsHundredInEveryComponent()
    {
        var signals = Signals.Individual() with { Aum = 50_000_000m, TransactionsCurrent = 500, LoginsCurrent = 500, Nps = 10 };

        var health = Health.Score(signals, productPenetration: 8, activityMonths: 6);

        Assert.Equal(new HealthScore(100, 100, 100, 100), health);
    }

    [Fact]
    public void Score_WhenNothingAndManyComplaints_IsZeroInEveryComponent()
    {
        var signals = Signals.Individual() with { Complaints12Months = 9 };

        Assert.Equal(new HealthScore(0, 0, 0, 0), Health.Score(signals, productPenetration: 0, activityMonths: 6));
    }

    [Fact]
    public void SatisfactionComponent_WithoutNps_IsEightyLessTwentyPerComplaint()
    {
        Assert.Equal(80, Health.SatisfactionComponent(0, null));
        Assert.Equal(40, Health.SatisfactionComponent(2, null));
        Assert.Equal(70, Health.SatisfactionComponent(0, 7));
    }

    [Fact]
    public void Score_Total_WeighsValueBehaviourSatisfactionFortyFortyTwenty()
    {
        // Value: AUM ¥100,000 (50) and 2 categories (40) → 46; behaviour: 2 transactions (50) and 1 login (25) a
        // month → 40; satisfaction 80. Total 0.4 × 46 + 0.4 × 40 + 0.2 × 80 = 50.4 → 50.
        var signals = Signals.Individual() with { Aum = 100_000m, TransactionsCurrent = 12, LoginsCurrent = 6 };

        Assert.Equal(new HealthScore(46, 40, 80, 50), Health.Score(signals, productPenetration: 2, activityMonths: 6));
    }
}
