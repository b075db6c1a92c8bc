using BankCrm.Core.Engagement.Playbooks;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class PrescreenSheetTests
{
    private static readonly string[] Questions = ["您的留学国家？", "预计留学时间？"];

    [Fact]
    public void ForQuestions_WhenSomeAnswered_KeepsTheQuestionOrderAndLeavesTheRestBlank()
    {
        var recorded = new PrescreenSheet([new PrescreenAnswer("预计留学时间？", "2027 年秋"), new PrescreenAnswer("别的问题", "忽略")], "App");
        var sheet = PrescreenSheet.ForQuestions(Questions, recorded);

        Assert.Equal([new PrescreenAnswer("您的留学国家？", null), new PrescreenAnswer("预计留学时间？", "2027 年秋")], sheet.Items);
        Assert.Equal("App", sheet.AnsweredVia);
        Assert.False(sheet.Complete);
    }

    [Fact]
    public void ToJson_WhenReadBack_IsTheSameSheetInReadableChinese()
    {
        var sheet = new PrescreenSheet([new PrescreenAnswer(Questions[0], "英国"), new PrescreenAnswer(Questions[1], "明年")], "Agent", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        var json = sheet.ToJson();

        Assert.Contains("英国", json, StringComparison.Ordinal);
        var read = PrescreenSheet.FromJson(json)!;
        Assert.Equal(sheet.Items, read.Items);
        Assert.True(read.Complete);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{not json")]
    public void FromJson_WhenNothingUsable_IsNull(string? json) => Assert.Null(PrescreenSheet.FromJson(json));
}
