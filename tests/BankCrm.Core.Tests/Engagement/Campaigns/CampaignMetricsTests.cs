using BankCrm.Core.Engagement.Campaigns;

namespace BankCrm.Core.Tests.Engagement.Campaigns;

public sealed class CampaignMetricsTests
{
    [Fact]
    public void Rate_WhenGroupEmpty_IsZero() => Assert.Equal(0, new GroupRate(0, 0).Rate);

    [Fact]
    public void Compute_WhenTwelveVersusFivePercent_IsSevenPointsWithKnownInterval()
    {
        // 1,000 treated with 120 conversions, 1,000 control with 50:
        // SE = √(0.12·0.88/1000 + 0.05·0.95/1000) = √(0.0001531) = 0.012373; 1.96·SE = 0.024251.
        var estimate = UpliftWithConfidence.Compute(new GroupRate(120, 1000), new GroupRate(50, 1000))!;

        Assert.Equal(0.07, estimate.Uplift, 10);
        Assert.Equal(0.012373, estimate.StandardError, 6);
        Assert.Equal(0.045749, estimate.Low, 5);
        Assert.Equal(0.094251, estimate.High, 5);
        Assert.True(estimate.IsSignificant);
    }

    [Fact]
    public void Compute_WhenGroupsAreSmallAndClose_IsNotSignificant()
    {
        var estimate = UpliftWithConfidence.Compute(new GroupRate(6, 100), new GroupRate(5, 100))!;

        Assert.True(estimate.Low < 0 && estimate.High > 0);
        Assert.False(estimate.IsSignificant);
    }

    [Fact]
    public void Compute_WhenTreatmentDoesWorse_IsSignificantlyNegative()
    {
        var estimate = UpliftWithConfidence.Compute(new GroupRate(20, 1000), new GroupRate(80, 1000))!;

        Assert.True(estimate.High < 0);
        Assert.True(estimate.IsSignificant);
    }

    [Fact]
    public void Compute_WhenNoControlGroup_IsNull() => Assert.Null(UpliftWithConfidence.Compute(new GroupRate(10, 100), new GroupRate(0, 0)));

    [Fact]
    public void IncrementalConversions_WhenGroupsDiffer_ScalesTheControlRateToTheTreatmentGroup() =>
        // 900 treated, 108 converted; control 5 of 100 → 45 expected without the campaign → 63 caused by it.
        Assert.Equal(63m, IncrementalConversions.Compute(new GroupRate(108, 900), new GroupRate(5, 100)));

    [Fact]
    public void Roi_WhenKnownNumbers_IsNetGainOverCost()
    {
        var cost = CampaignRoi.MessageCost(900, 0.05m);

        Assert.Equal(45m, cost);
        // (63 × 200 − 45) / 45 = 279
        Assert.Equal(279m, CampaignRoi.Compute(63m, 200m, cost));
    }

    [Fact]
    public void Roi_WhenNothingSpent_IsNull() => Assert.Null(CampaignRoi.Compute(10m, 100m, 0m));

    [Fact]
    public void Roi_WhenNoIncrementalConversions_IsMinusOne() => Assert.Equal(-1m, CampaignRoi.Compute(0m, 100m, 50m));
}
