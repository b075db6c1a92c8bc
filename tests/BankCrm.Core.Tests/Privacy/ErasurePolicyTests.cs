using BankCrm.Core.Privacy;

namespace BankCrm.Core.Tests.Privacy;

public sealed class ErasurePolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Plan_WhenAccountsAreOpen_KeepsIdentityMobileAndTransactions()
    {
        var plan = ErasurePolicy.Plan(new ErasureFacts(HasOpenAccounts: true, RelationshipEndedOn: null, Today, RetentionYears: 5));

        Assert.Equal(ErasureMode.Restricted, plan.Mode);
        Assert.Contains(plan.Retained, i => i.Code == "identity");
        Assert.Contains(plan.Retained, i => i.Code == "mobile");
        Assert.Contains(plan.Retained, i => i.Code == "transactions");
        Assert.Contains(plan.Erased, i => i.Code == "contact-points");
        Assert.All(plan.Retained, i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
    }

    [Fact]
    public void Plan_WhenClosedWithinRetention_ErasesTheMobileButKeepsIdentityUntilTheEndOfThePeriod()
    {
        var plan = ErasurePolicy.Plan(new ErasureFacts(false, new DateOnly(2023, 6, 30), Today, 5));

        Assert.Equal(ErasureMode.Restricted, plan.Mode);
        Assert.Equal(new DateOnly(2028, 6, 30), plan.RetainUntil);
        Assert.Contains(plan.Erased, i => i.Code == "mobile");
        Assert.Contains(plan.Retained, i => i.Code == "identity");
    }

    [Fact]
    public void Plan_WhenTheRetentionPeriodHasPassed_Anonymises()
    {
        var plan = ErasurePolicy.Plan(new ErasureFacts(false, new DateOnly(2020, 11, 24), Today, 5));

        Assert.Equal(ErasureMode.Full, plan.Mode);
        Assert.Contains(plan.Erased, i => i.Code == "name");
        Assert.Contains(plan.Erased, i => i.Code == "id-number");
        Assert.DoesNotContain(plan.Retained, i => i.Code == "identity");
    }

    [Fact]
    public void Plan_WhenTheRetentionSettingIsLonger_KeepsMore()
    {
        var plan = ErasurePolicy.Plan(new ErasureFacts(false, new DateOnly(2020, 11, 24), Today, 10));

        Assert.Equal(ErasureMode.Restricted, plan.Mode);
        Assert.Equal(new DateOnly(2030, 11, 24), plan.RetainUntil);
    }
}
