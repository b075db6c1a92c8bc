using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Core.Tests.Engagement.Tasks;

public sealed class TaskOutcomesTests
{
    [Theory]
    [InlineData("已联系-有意向", TaskOutcome.ContactedInterested)]
    [InlineData("ContactedInterested", TaskOutcome.ContactedInterested)]
    [InlineData("noanswer", TaskOutcome.NoAnswer)]
    [InlineData(" 客户拒绝 ", TaskOutcome.Declined)]
    public void TryParse_WhenNameOrStoredWords_FindsTheOutcome(string value, TaskOutcome expected)
    {
        Assert.True(TaskOutcomes.TryParse(value, out var outcome));
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("已联系")]
    [InlineData("ContactedInterested, NoAnswer")]
    public void TryParse_WhenNotOnTheList_Fails(string? value) => Assert.False(TaskOutcomes.TryParse(value, out _));

    [Fact]
    public void All_WhenListed_HasSevenOutcomesWithDistinctWords()
    {
        Assert.Equal(7, TaskOutcomes.All.Count);
        Assert.Equal(7, TaskOutcomes.All.Select(TaskOutcomes.Text).Distinct().Count());
    }

    [Theory]
    [InlineData(TaskOutcome.NoAnswer, false)]
    [InlineData(TaskOutcome.FollowUpLater, false)]
    [InlineData(TaskOutcome.ContactedInterested, true)]
    [InlineData(TaskOutcome.ContactedNotInterested, true)]
    [InlineData(TaskOutcome.Converted, true)]
    [InlineData(TaskOutcome.Declined, true)]
    [InlineData(TaskOutcome.ContactInvalid, true)]
    public void ClosesTask_WhenTheCustomerWasNotReached_KeepsItOpen(TaskOutcome outcome, bool closes) =>
        Assert.Equal(closes, TaskOutcomes.ClosesTask(outcome));
}
