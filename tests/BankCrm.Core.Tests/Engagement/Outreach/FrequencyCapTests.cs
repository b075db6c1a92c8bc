using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement.Outreach;

public sealed class FrequencyCapTests
{
    private static readonly DateTime Now = new(2026, 12, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void IsReached_WhenOneBelowTheCap_IsFalse() =>
        Assert.False(new FrequencyCap(2, 7).IsReached([Now.AddDays(-1)], Now));

    [Fact]
    public void IsReached_WhenExactlyAtTheCap_IsTrue() =>
        Assert.True(new FrequencyCap(2, 7).IsReached([Now.AddDays(-1), Now.AddDays(-2)], Now));

    [Fact]
    public void IsReached_WhenOneMessageIsExactlyTheWindowOld_NoLongerCountsIt() =>
        Assert.False(new FrequencyCap(2, 7).IsReached([Now.AddDays(-7), Now.AddDays(-2)], Now));

    [Fact]
    public void IsReached_WhenOneMessageIsJustInsideTheWindow_CountsIt() =>
        Assert.True(new FrequencyCap(2, 7).IsReached([Now.AddDays(-7).AddSeconds(1), Now.AddDays(-2)], Now));

    [Fact]
    public void IsReached_WhenMessagesAreOlderThanTheWindow_IgnoresThem() =>
        Assert.False(new FrequencyCap(4, 30).IsReached([Now.AddDays(-31), Now.AddDays(-40), Now.AddDays(-50), Now.AddDays(-60), Now.AddDays(-3)], Now));
}
