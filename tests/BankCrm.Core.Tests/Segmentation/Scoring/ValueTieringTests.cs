using BankCrm.Core.Customers;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class ValueTieringTests
{
    private static readonly TierThresholds Defaults = new();

    [Theory]
    [InlineData(0, ValueTier.Basic)]
    [InlineData(49_999.99, ValueTier.Basic)]
    [InlineData(50_000, ValueTier.MassAffluent)]
    [InlineData(499_999.99, ValueTier.MassAffluent)]
    [InlineData(500_000, ValueTier.Vip)]
    public void Tier_ForIndividuals_FollowsTheDefaultThresholds(decimal aum, ValueTier expected)
    {
        Assert.Equal(expected, ValueTiering.Tier(aum, CustomerType.Individual, Defaults));
    }

    [Theory]
    [InlineData(999_999.99, ValueTier.Basic)]
    [InlineData(1_000_000, ValueTier.MassAffluent)]
    [InlineData(10_000_000, ValueTier.Vip)]
    public void Tier_ForCompanies_UsesTheCorporateThresholds(decimal aum, ValueTier expected)
    {
        Assert.Equal(expected, ValueTiering.Tier(aum, CustomerType.Corporate, Defaults));
    }

    [Fact]
    public void Tier_WhenThresholdsConfigured_UsesThem()
    {
        var thresholds = new TierThresholds { Vip = 6_000_000m, MassAffluent = 600_000m };

        Assert.Equal(ValueTier.MassAffluent, ValueTiering.Tier(700_000m, CustomerType.Individual, thresholds));
    }
}
