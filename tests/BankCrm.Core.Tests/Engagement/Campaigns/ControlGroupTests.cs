using BankCrm.Core.Engagement.Campaigns;

namespace BankCrm.Core.Tests.Engagement.Campaigns;

public sealed class ControlGroupTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    public void IsControl_WhenManyCustomers_HoldsOutTheShareWithinOnePoint(int percent)
    {
        const int customers = 20_000;
        var control = Enumerable.Range(1, customers).Count(id => ControlGroup.IsControl(7, id, percent));

        Assert.InRange(control * 100.0 / customers, percent - 1.0, percent + 1.0);
    }

    [Fact]
    public void IsControl_WhenAskedTwice_AnswersTheSame()
    {
        var first = Enumerable.Range(1, 5_000).Select(id => ControlGroup.IsControl(42, id, 20)).ToArray();
        var second = Enumerable.Range(1, 5_000).Select(id => ControlGroup.IsControl(42, id, 20)).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void IsControl_WhenAnotherCampaign_DrawsAnotherGroup()
    {
        var a = Enumerable.Range(1, 5_000).Where(id => ControlGroup.IsControl(1, id, 20)).ToHashSet();
        var b = Enumerable.Range(1, 5_000).Where(id => ControlGroup.IsControl(2, id, 20)).ToHashSet();

        // Independent draws of 20% overlap in about 4% of customers, not in all 20%.
        Assert.InRange(a.Intersect(b).Count(), 100, 300);
    }

    [Fact]
    public void IsControl_WhenZeroPercent_HoldsOutNobody() =>
        Assert.DoesNotContain(Enumerable.Range(1, 10_000), id => ControlGroup.IsControl(3, id, 0));

    [Fact]
    public void IsControl_WhenOverFiftyPercent_ThrowsNamingThePercent()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ControlGroup.IsControl(3, 1, 51));

        Assert.Equal("controlPercent", error.ParamName);
        Assert.Equal(51, error.ActualValue);
    }

    /// <summary>A change of the hash would move customers between groups of campaigns already running: these values are fixed.</summary>
    [Theory]
    [InlineData(1, 1, 3936)]
    [InlineData(7, 1001, 252)]
    [InlineData(123456, 987654321, 1060)]
    public void Bucket_WhenKnownPair_IsTheRecordedValue(long campaignId, long customerId, int expected) =>
        Assert.Equal(expected, ControlGroup.Bucket(campaignId, customerId));
}
