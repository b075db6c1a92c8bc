using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement.Outreach;

public sealed class SendPolicyTests
{
    private const long CustomerId = 7;

    // 10:00 China time on a weekday, well outside the quiet hours.
    private static readonly DateTime Morning = new(2026, 12, 10, 2, 0, 0, DateTimeKind.Utc);

    private static SendCheck Check(MessagePurpose purpose = MessagePurpose.Marketing, ContactChannel? channel = ContactChannel.Sms, DateTime? now = null) => new()
    {
        Purpose = purpose,
        Channel = channel,
        Now = now ?? Morning,
        Consents = [ConsentRecord.Grant(CustomerId, ConsentPurpose.Marketing, ContactChannel.Sms, ConsentSource.Branch, Morning.AddDays(-30), "rm", null)],
        Suppressions = [],
        MarketingSentAt = [],
        HasMobile = true,
        HasEmail = true,
    };

    private static SendDecision Decide(SendCheck check) => SendPolicy.Decide(check, OutreachRules.Default);

    [Fact]
    public void Decide_WhenMarketingHasConsentAndNothingElseApplies_Sends() =>
        Assert.Equal(new SendDecision.Send(ContactChannel.Sms), Decide(Check()));

    [Fact]
    public void Decide_WhenMarketingChannelWasNeverConsented_BlocksWithTheChannel()
    {
        var decision = Assert.IsType<SendDecision.Block>(Decide(Check(channel: ContactChannel.Email)));

        Assert.Equal("客户未同意通过邮件接收营销信息", decision.Reason);
    }

    [Fact]
    public void Decide_WhenConsentWasWithdrawnOneSecondBeforeSend_Blocks()
    {
        var check = Check() with
        {
            Consents = [.. Check().Consents, ConsentRecord.Withdraw(CustomerId, ConsentPurpose.Marketing, ContactChannel.Sms, ConsentSource.Rm, Morning.AddSeconds(-1), "rm", null)],
        };

        var decision = Assert.IsType<SendDecision.Block>(Decide(check));

        Assert.Contains("撤回短信营销同意", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenConsentIsWithdrawnOneSecondAfterTheCheck_StillSendsAtTheCheck()
    {
        var check = Check() with
        {
            Consents = [.. Check().Consents, ConsentRecord.Withdraw(CustomerId, ConsentPurpose.Marketing, ContactChannel.Sms, ConsentSource.Rm, Morning.AddSeconds(1), "rm", null)],
        };

        Assert.IsType<SendDecision.Send>(Decide(check));
    }

    [Fact]
    public void Decide_WhenServiceMessageHasNoMarketingConsent_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check(MessagePurpose.Service, ContactChannel.Email)));

    [Fact]
    public void Decide_WhenOneBelowTheWeeklyCap_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check() with { MarketingSentAt = [Morning.AddDays(-1)] }));

    [Fact]
    public void Decide_WhenTheWeeklyCapIsReached_BlocksTheNextMarketingMessage()
    {
        var decision = Assert.IsType<SendDecision.Block>(Decide(Check() with { MarketingSentAt = [Morning.AddDays(-1), Morning.AddDays(-2)] }));

        Assert.Equal("已达营销频次上限：7 天内最多 2 条", decision.Reason);
    }

    [Fact]
    public void Decide_WhenTheMonthlyCapIsReached_Blocks()
    {
        var decision = Assert.IsType<SendDecision.Block>(Decide(Check() with { MarketingSentAt = [Morning.AddDays(-8), Morning.AddDays(-12), Morning.AddDays(-20), Morning.AddDays(-29)] }));

        Assert.Equal("已达营销频次上限：30 天内最多 4 条", decision.Reason);
    }

    [Fact]
    public void Decide_WhenCapIsReachedForAServiceMessage_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check(MessagePurpose.Service) with { MarketingSentAt = [Morning.AddDays(-1), Morning.AddDays(-2)] }));

    [Fact]
    public void Decide_WhenMarketingAtTwentyOneHundredExactly_DefersToEightHundred()
    {
        var nine = new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc);

        var decision = Assert.IsType<SendDecision.Defer>(Decide(Check(now: nine)));

        Assert.Equal(new DateTime(2026, 12, 11, 0, 0, 0, DateTimeKind.Utc), decision.Until);
        Assert.Contains("免打扰时段", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenMarketingAtEightHundredExactly_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check(now: new DateTime(2026, 12, 11, 0, 0, 0, DateTimeKind.Utc))));

    [Fact]
    public void Decide_WhenNonUrgentServiceInQuietHours_Defers() =>
        Assert.IsType<SendDecision.Defer>(Decide(Check(MessagePurpose.Service, now: new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc))));

    [Fact]
    public void Decide_WhenUrgentServiceInQuietHours_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check(MessagePurpose.Service, now: new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc)) with { Urgent = true }));

    [Fact]
    public void Decide_WhenMarketingIsMarkedUrgentInQuietHours_StillDefers() =>
        Assert.IsType<SendDecision.Defer>(Decide(Check(now: new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc)) with { Urgent = true }));

    [Fact]
    public void Decide_WhenSuppressedOnAllChannels_BlocksWithTheReason()
    {
        var entry = new SuppressionEntry { CustomerId = CustomerId, Reason = "客户投诉营销电话", AddedAt = Morning.AddDays(-1) };

        var decision = Assert.IsType<SendDecision.Block>(Decide(Check() with { Suppressions = [entry] }));

        Assert.Equal("客户在免打扰名单中（全部渠道）：客户投诉营销电话", decision.Reason);
    }

    [Fact]
    public void Decide_WhenSuppressedOnAnotherChannelOnly_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check() with
        {
            Suppressions = [new SuppressionEntry { CustomerId = CustomerId, Channel = ContactChannel.Email, Reason = "退订邮件", AddedAt = Morning.AddDays(-1) }],
        }));

    [Fact]
    public void Decide_WhenSuppressionEndedAtTheCheck_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check() with
        {
            Suppressions = [new SuppressionEntry { CustomerId = CustomerId, Reason = "暂停一周", AddedAt = Morning.AddDays(-7), Until = Morning }],
        }));

    [Fact]
    public void Decide_WhenSuppressionEndsOneSecondAfterTheCheck_Blocks() =>
        Assert.IsType<SendDecision.Block>(Decide(Check() with
        {
            Suppressions = [new SuppressionEntry { CustomerId = CustomerId, Reason = "暂停一周", AddedAt = Morning.AddDays(-7), Until = Morning.AddSeconds(1) }],
        }));

    [Fact]
    public void Decide_WhenUrgentServiceAndSuppressed_Sends() =>
        Assert.IsType<SendDecision.Send>(Decide(Check(MessagePurpose.Service) with
        {
            Urgent = true,
            Suppressions = [new SuppressionEntry { CustomerId = CustomerId, Reason = "客户投诉", AddedAt = Morning.AddDays(-1) }],
        }));

    [Fact]
    public void Decide_WhenSmsAndNoMobile_Blocks() =>
        Assert.Equal("客户没有手机号，无法发送短信", Assert.IsType<SendDecision.Block>(Decide(Check() with { HasMobile = false })).Reason);

    [Fact]
    public void Decide_WhenEmailAndNoAddress_BlocksEvenAnUrgentServiceMessage() =>
        Assert.Equal("客户没有电子邮箱，无法发送邮件",
            Assert.IsType<SendDecision.Block>(Decide(Check(MessagePurpose.Service, ContactChannel.Email) with { HasEmail = false, Urgent = true })).Reason);

    [Fact]
    public void Decide_WhenPhoneChannel_BlocksBecauseAPersonCalls() =>
        Assert.IsType<SendDecision.Block>(Decide(Check(MessagePurpose.Service, ContactChannel.Phone)));

    [Fact]
    public void Decide_WhenPreferredChannel_PicksTheBestScoredConsentedChannel()
    {
        var young = ChannelPreferences.Ranked([], CustomerType.Individual, new DateOnly(2000, 1, 1), new DateOnly(2026, 12, 10));

        // WeCom and app push rank above SMS for a 26-year-old, but only SMS is consented.
        var decision = Decide(Check(channel: null) with { Ranking = young });

        Assert.Equal(new SendDecision.Send(ContactChannel.Sms), decision);
    }

    [Fact]
    public void Decide_WhenPreferredChannelForServiceAndNoMobile_SkipsSms()
    {
        var senior = ChannelPreferences.Ranked([], CustomerType.Individual, new DateOnly(1950, 1, 1), new DateOnly(2026, 12, 10));

        var decision = Decide(Check(MessagePurpose.Service, channel: null) with { Ranking = senior, HasMobile = false });

        Assert.Equal(new SendDecision.Send(ContactChannel.WeCom), decision);
    }

    [Fact]
    public void Decide_WhenPreferredAndNoChannelIsConsented_BlocksNamingTheRule()
    {
        var ranking = ChannelPreferences.Ranked([], CustomerType.Corporate, null, new DateOnly(2026, 12, 10));

        var decision = Assert.IsType<SendDecision.Block>(Decide(Check(channel: null) with { Ranking = ranking, Consents = [] }));

        Assert.StartsWith("没有可用渠道", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenPreferredAndCapReached_BlocksWithTheCapNotTheChannel()
    {
        var ranking = ChannelPreferences.Ranked([], CustomerType.Individual, new DateOnly(1950, 1, 1), new DateOnly(2026, 12, 10));

        var decision = Assert.IsType<SendDecision.Block>(Decide(Check(channel: null) with { Ranking = ranking, MarketingSentAt = [Morning.AddDays(-1), Morning.AddDays(-2)] }));

        Assert.StartsWith("已达营销频次上限", decision.Reason, StringComparison.Ordinal);
    }
}
