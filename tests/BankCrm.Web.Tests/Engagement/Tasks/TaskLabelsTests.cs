using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Web.Engagement.Tasks;

namespace BankCrm.Web.Tests.Engagement.Tasks;

public sealed class TaskLabelsTests
{
    // 2026-11-25 15:00 in China.
    private static readonly DateTime Now = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-3 * 24, "逾期 3 天", DueState.Overdue)]
    [InlineData(-1, "已逾期", DueState.Overdue)]
    [InlineData(2, "今天到期", DueState.Today)]
    [InlineData(10, "1 天后到期", DueState.Soon)]
    [InlineData(5 * 24, "5 天后到期", DueState.Later)]
    public void Due_WhenHoursFromNow_CountsChinaCalendarDays(int hours, string text, DueState state)
    {
        using var scope = new CultureScope("zh-CN");

        Assert.Equal((text, state), TaskLabels.Due(Now.AddHours(hours), Now));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Of_WhenAnyTaskValue_HasAWordInTheLanguage(string culture)
    {
        using var scope = new CultureScope(culture);

        var labels = Enum.GetValues<TaskUrgency>().Select(TaskLabels.Of)
            .Concat(Enum.GetValues<WorkTaskStatus>().Select(TaskLabels.Of))
            .Concat(Enum.GetValues<TaskSource>().Select(TaskLabels.Of))
            .Concat(Enum.GetValues<TaskOutcome>().Select(TaskLabels.Of))
            .Concat(Enum.GetValues<TimelineKind>().Select(TaskLabels.Of))
            .Concat(Enum.GetValues<MessageStatus>().Select(TaskLabels.Of))
            .Concat(Enum.GetValues<StepKind>().Select(TaskLabels.Of))
            .Append(TaskLabels.Tier(null))
            .ToList();

        // A missing resource falls back to its key ("Urgency.Low"), which has a dot.
        Assert.All(labels, l => Assert.DoesNotContain('.', l));
    }

    [Fact]
    public void Outcome_WhenStoredInChinese_ShowsTheEnglishWordInEnglish()
    {
        using var scope = new CultureScope("en");

        Assert.Equal("Contacted – interested", TaskLabels.Outcome("已联系-有意向"));
        Assert.Equal("客户未接听", TaskLabels.Outcome("客户未接听"));
    }
}
