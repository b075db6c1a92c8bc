using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Interactions;

namespace BankCrm.Core.Tests.Engagement.Interactions;

public sealed class InteractionRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Validate_WhenAVisitIsComplete_HasNoErrors() =>
        Assert.Empty(InteractionRules.Validate("Visit", "上门拜访，介绍养老理财", "ContactedInterested", "下周送资料", Now.AddDays(-2), Now));

    [Theory]
    [InlineData("App")]
    [InlineData("Email")]
    [InlineData("2")]
    [InlineData("Call,Visit")]
    [InlineData("Fax")]
    public void Validate_WhenChannelIsNotLoggedByHand_RefusesTheChannel(string channel) =>
        Assert.Contains(InteractionRules.Validate(channel, "电话回访", "NoAnswer", null, null, Now), e => e is { Field: "channel", Rule: "unknown" });

    [Fact]
    public void Validate_WhenEverythingIsMissing_NamesChannelSummaryAndOutcome()
    {
        var errors = InteractionRules.Validate(null, " ", null, null, null, Now);
        Assert.Equal(["channel", "summary", "outcome"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("required", e.Rule));
    }

    [Fact]
    public void Validate_WhenSummaryAndNextStepTooLong_SaysTheLimits()
    {
        var errors = InteractionRules.Validate("Call", new string('话', 2001), "NoAnswer", new string('步', 501), null, Now);
        Assert.Contains(errors, e => e.Message == "互动内容不能超过 2000 个字");
        Assert.Contains(errors, e => e.Message == "下一步不能超过 500 个字");
    }

    [Fact]
    public void Validate_WhenInTheFutureOrTooLongAgo_RefusesTheTime()
    {
        Assert.Contains(InteractionRules.Validate("Call", "回访", "NoAnswer", null, Now.AddMinutes(6), Now), e => e is { Field: "occurredAt", Rule: "future" });
        Assert.Contains(InteractionRules.Validate("Call", "回访", "NoAnswer", null, Now.AddDays(-91), Now), e => e is { Field: "occurredAt", Rule: "too_old" });
    }

    [Theory]
    [InlineData("call", InteractionChannel.Call)]
    [InlineData(" WeCom ", InteractionChannel.WeCom)]
    [InlineData("Salon", InteractionChannel.Salon)]
    public void TryParseChannel_WhenLoggable_FindsIt(string value, InteractionChannel expected)
    {
        Assert.True(InteractionRules.TryParseChannel(value, out var channel));
        Assert.Equal(expected, channel);
    }
}
