using BankCrm.Core.Engagement.Outreach;
using BankCrm.Web.Engagement.Outreach;
using Microsoft.Extensions.Configuration;

namespace BankCrm.Web.Tests.Engagement;

public sealed class OutreachModuleTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ReadRules_WhenNothingIsConfigured_KeepsTheBanksDefaults() =>
        Assert.Equal(OutreachRules.Default, OutreachModule.ReadRules(Config()));

    [Fact]
    public void ReadRules_WhenConfigured_ReadsQuietHoursCapsAndRetries()
    {
        var rules = OutreachModule.ReadRules(Config(
            ("Outreach:QuietHours:Start", "22:00"), ("Outreach:QuietHours:End", "07:30"), ("Outreach:MarketingCaps", "1/3, 5/60"), ("Outreach:RetryMinutes", "2,10")));

        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 30)), rules.QuietHours);
        Assert.Equal([new FrequencyCap(1, 3), new FrequencyCap(5, 60)], rules.MarketingCaps);
        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)], rules.Retry.Delays);
    }

    [Fact]
    public void ReadRules_WhenACapIsNotNPerDays_RefusesToStartNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OutreachModule.ReadRules(Config(("Outreach:MarketingCaps", "2 per week"))));

        Assert.Contains("Outreach:MarketingCaps", error.Message, StringComparison.Ordinal);
    }
}
