using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Core.Tests.Engagement.Tasks;

public sealed class TaskRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ValidateNew_WhenComplete_HasNoErrorsAndReadsTheUrgency()
    {
        Assert.Empty(TaskRules.ValidateNew("回访", "客户来电咨询", "high", Now.AddDays(1), Now, out var urgency));
        Assert.Equal(TaskUrgency.High, urgency);
    }

    [Fact]
    public void ValidateNew_WhenUrgencyEmpty_IsNormal()
    {
        Assert.Empty(TaskRules.ValidateNew("回访", null, null, Now, Now, out var urgency));
        Assert.Equal(TaskUrgency.Normal, urgency);
    }

    [Theory]
    [InlineData(null, "title", "required")]
    [InlineData("\u200B ", "title", "required")]
    public void ValidateNew_WhenTitleBlank_NamesTheField(string? title, string field, string rule) =>
        Assert.Contains(TaskRules.ValidateNew(title, null, null, Now.AddDays(1), Now, out _), e => e.Field == field && e.Rule == rule);

    [Fact]
    public void ValidateNew_WhenTitleTooLong_SaysTheLimit()
    {
        var error = Assert.Single(TaskRules.ValidateNew(new string('任', 201), null, null, Now.AddDays(1), Now, out _));
        Assert.Equal("任务标题不能超过 200 个字", error.Message);
    }

    [Theory]
    [InlineData("urgent")]
    [InlineData("5")]
    [InlineData("High,Low")]
    public void ValidateNew_WhenUrgencyUnknown_RefusesIt(string urgency) =>
        Assert.Contains(TaskRules.ValidateNew("回访", null, urgency, Now.AddDays(1), Now, out _), e => e.Field == "urgency");

    [Fact]
    public void ValidateNew_WhenDueMissingPastOrTooFar_NamesTheRule()
    {
        Assert.Contains(TaskRules.ValidateNew("回访", null, null, null, Now, out _), e => e is { Field: "dueAt", Rule: "required" });
        Assert.Contains(TaskRules.ValidateNew("回访", null, null, Now.AddMinutes(-6), Now, out _), e => e is { Field: "dueAt", Rule: "past" });
        Assert.Empty(TaskRules.ValidateNew("回访", null, null, Now.AddMinutes(-4), Now, out _));
        Assert.Contains(TaskRules.ValidateNew("回访", null, null, Now.AddDays(367), Now, out _), e => e is { Field: "dueAt", Rule: "too_far" });
    }

    [Fact]
    public void ValidateOutcome_WhenUnknown_ListsTheOutcomesInTheMessage()
    {
        var error = Assert.Single(TaskRules.ValidateOutcome("搞定了", null, out _));
        Assert.Equal("outcome", error.Field);
        Assert.Contains("已联系-有意向", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOutcome_WhenNoteTooLong_NamesTheNote() =>
        Assert.Contains(TaskRules.ValidateOutcome("Declined", new string('注', 2001), out _), e => e.Field == "note");

    [Fact]
    public void ToUtc_WhenNoOffset_ReadsChinaTime()
    {
        var utc = TaskRules.ToUtc(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal(new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }
}
