using BankCrm.Core.Engagement.Playbooks;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class ExitCheckTests
{
    private static readonly DateTime Enrolled = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ExitFacts Facts(int daysLater = 1, bool responded = false, bool opened = false, bool withdrawn = false) =>
        new(Enrolled.AddDays(daysLater), Enrolled, responded, opened, withdrawn);

    [Fact]
    public void Reason_WhenNothingHappened_IsNull() =>
        Assert.Null(ExitCheck.Reason(new PlaybookExitRules(ExitOnResponse: true, ExitOnProductCategory: "Fund", MaxDays: 30), Facts()));

    [Fact]
    public void Reason_WhenConsentWithdrawn_LeavesByDefault() =>
        Assert.Equal("客户撤回了营销同意", ExitCheck.Reason(new PlaybookExitRules(), Facts(withdrawn: true)));

    [Fact]
    public void Reason_WhenConsentRuleIsOff_IgnoresTheWithdrawal() =>
        Assert.Null(ExitCheck.Reason(new PlaybookExitRules(ExitOnConsentWithdrawn: false), Facts(withdrawn: true)));

    [Fact]
    public void Reason_WhenRepliedAndRuleAsksForIt_Leaves()
    {
        Assert.Equal("客户已回复", ExitCheck.Reason(new PlaybookExitRules(ExitOnResponse: true), Facts(responded: true)));
        Assert.Null(ExitCheck.Reason(new PlaybookExitRules(), Facts(responded: true)));
    }

    [Fact]
    public void Reason_WhenProductOfTheCategoryOpened_NamesTheCategory() =>
        Assert.Equal("客户已开立基金", ExitCheck.Reason(new PlaybookExitRules(ExitOnProductCategory: "Fund"), Facts(opened: true)));

    [Fact]
    public void Reason_WhenMaxDaysReached_Leaves()
    {
        Assert.Null(ExitCheck.Reason(new PlaybookExitRules(MaxDays: 30), Facts(daysLater: 29)));
        Assert.Equal("超过最长 30 天", ExitCheck.Reason(new PlaybookExitRules(MaxDays: 30), Facts(daysLater: 30)));
    }
}
