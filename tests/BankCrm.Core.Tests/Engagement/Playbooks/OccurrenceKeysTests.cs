using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class OccurrenceKeysTests
{
    [Theory]
    [InlineData("monthly", "2026-12-03", "2026-12")]
    [InlineData("quarterly", "2026-12-03", "2026-Q4")]
    [InlineData("quarterly", "2027-01-01", "2027-Q1")]
    [InlineData("quarterly", "2027-06-30", "2027-Q2")]
    public void Recurring_WhenEvaluatedWithinAPeriod_IsThePeriod(string every, string day, string expected) =>
        Assert.Equal(expected, OccurrenceKeys.Recurring(every, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Keys_WhenBuiltForEachKind_AreDistinctAndStable()
    {
        var day = new DateOnly(2026, 12, 3);
        Assert.Equal("account:42", OccurrenceKeys.AccountOpened(42));
        Assert.Equal("stage:DeclineWarning:2026-12-03", OccurrenceKeys.StageChanged(LifecycleStage.DeclineWarning, day));
        Assert.Equal("mortgage:42:6m", OccurrenceKeys.MortgageRepaid(42, 6));
        Assert.Equal("maturity:42:20261203", OccurrenceKeys.LoanMaturity(42, day));
        Assert.Equal("birthday:2026", OccurrenceKeys.Birthday(2026));
        Assert.Equal("holiday:2026-12-03", OccurrenceKeys.Holiday(day));
        Assert.Equal("segment:7", OccurrenceKeys.SegmentEntry(7));
        Assert.Equal("need:loan-renewal:2026-12-03", OccurrenceKeys.NeedDetected("loan-renewal", day));
    }

    [Theory]
    [InlineData("account:42", 42L)]
    [InlineData("mortgage:7:6m", 7L)]
    [InlineData("maturity:9:20261231", 9L)]
    [InlineData("holiday:2026-12-03", null)]
    [InlineData("account:x", null)]
    public void AccountId_WhenKeyIsAccountBased_IsTheAccount(string key, long? expected) => Assert.Equal(expected, OccurrenceKeys.AccountId(key));

    [Fact]
    public void StepKeys_WhenBuilt_AreTheOutboxAndTaskKeyOfTheStep()
    {
        Assert.Equal("enrolment:12:step:3", StepKeys.For(12, 3));
        Assert.StartsWith(StepKeys.Prefix(12), StepKeys.For(12, 3), StringComparison.Ordinal);
    }
}
