using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Core.Tests.Segmentation.Scoring;

public sealed class CustomerClassRulesTests
{
    private static readonly ClassInputs Steady = new(ValueTier.Basic, LifecycleStage.Mature, 3, 3, 3, 2, 0m, null);

    [Fact]
    public void Classify_WhenVipWithThreeCategoriesAndFrequentTransactions_IsStrategic()
    {
        Assert.Equal(CustomerClass.Strategic, CustomerClassRules.Classify(Steady with { Tier = ValueTier.Vip, ProductPenetration = 3, FrequencyScore = 3 }));
    }

    [Fact]
    public void Classify_WhenVipButNotSticky_IsGrowth()
    {
        Assert.Equal(CustomerClass.Growth, CustomerClassRules.Classify(Steady with { Tier = ValueTier.Vip, ProductPenetration = 2 }));
    }

    [Fact]
    public void Classify_WhenDeclineWarning_IsAttentionEvenForVip()
    {
        var inputs = Steady with { Tier = ValueTier.Vip, ProductPenetration = 5, FrequencyScore = 5, Stage = LifecycleStage.DeclineWarning };

        Assert.Equal(CustomerClass.Attention, CustomerClassRules.Classify(inputs));
    }

    [Theory]
    [InlineData(0.49, CustomerClass.Basic)]
    [InlineData(0.50, CustomerClass.Attention)]
    public void Classify_ByChurnProbability_FlagsFromFiftyPercent(double probability, CustomerClass expected)
    {
        Assert.Equal(expected, CustomerClassRules.Classify(Steady with { ChurnProbability = probability }));
    }

    [Fact]
    public void Classify_WhenDormant_IsAttention()
    {
        Assert.Equal(CustomerClass.Attention, CustomerClassRules.Classify(Steady with { RecencyScore = 1, FrequencyScore = 1 }));
    }

    [Fact]
    public void Classify_WhenNewAndNotYetTransacting_IsNotAttention()
    {
        Assert.Equal(CustomerClass.Basic, CustomerClassRules.Classify(Steady with { Stage = LifecycleStage.New, RecencyScore = 1, FrequencyScore = 1 }));
    }

    [Theory]
    [InlineData(0.19, CustomerClass.Basic)]
    [InlineData(0.20, CustomerClass.Growth)]
    public void Classify_WhenMassAffluentMature_IsGrowthFromTwentyPercentAumGrowth(double growth, CustomerClass expected)
    {
        Assert.Equal(expected, CustomerClassRules.Classify(Steady with { Tier = ValueTier.MassAffluent, AumGrowth = (decimal)growth }));
    }

    [Fact]
    public void Classify_WhenMassAffluentInGrowthStage_IsGrowth()
    {
        Assert.Equal(CustomerClass.Growth, CustomerClassRules.Classify(Steady with { Tier = ValueTier.MassAffluent, Stage = LifecycleStage.Growth }));
    }

    [Fact]
    public void Classify_WhenBasicTierActive_IsBasic()
    {
        Assert.Equal(CustomerClass.Basic, CustomerClassRules.Classify(Steady with { FrequencyScore = 5, MonetaryScore = 5 }));
    }

    [Fact]
    public void AumGrowth_WhenNothingBefore_DividesByAThousand()
    {
        var signals = Signals.Individual() with { Aum = 2_000m, NetAssetFlow = 2_000m };

        Assert.Equal(2m, CustomerClassRules.AumGrowth(signals));
    }
}
