using BankCrm.Core.Engagement.Playbooks;
using static BankCrm.Core.Tests.Engagement.Playbooks.PlaybookSamples;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class PlaybookJsonTests
{
    [Fact]
    public void Read_WhenWrittenByWriteTo_GivesTheSameDefinition()
    {
        var playbook = new Playbook();
        PlaybookJson.WriteTo(playbook, Valid);
        var (read, errors) = PlaybookJson.Read(playbook);

        Assert.Empty(errors);
        Assert.Equal(Valid.Trigger with { HolidayDates = null }, read!.Trigger);
        Assert.Equal(Valid.Steps, read.Steps);
        Assert.Equal(Valid.ExitRules, read.ExitRules);
        Assert.Null(read.Conditions);
        Assert.Contains("\"kind\":\"AccountOpened\"", playbook.Trigger, StringComparison.Ordinal);
        Assert.DoesNotContain("stage", playbook.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenStepsJsonIsWrong_NamesTheStepField()
    {
        var (read, errors) = PlaybookJson.Read("名称", "", PlaybookJson.WriteTrigger(Valid.Trigger), "", """[{"kind":"SendMessage"},{"kind":"Teleport"}]""", "{}");
        Assert.Null(read);
        var error = Assert.Single(errors);
        Assert.Equal("steps[1].kind", error.Field);
        Assert.StartsWith("步骤格式错误", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenTriggerIsMissing_SaysItIsRequired() =>
        Assert.Equal("trigger", Assert.Single(PlaybookJson.Read("名称", "", " ", "", "[]", "").Errors).Field);

    [Fact]
    public void Normalized_WhenTriggerCarriesOtherKindsParameters_KeepsOnlyItsOwn()
    {
        var messy = Valid with { Trigger = new PlaybookTrigger(TriggerKind.LoanMaturityInDays, Stage: "Mature", Days: 30, Hours: 5, HolidayDates: ["2027-01-01"]) };
        Assert.Equal(new PlaybookTrigger(TriggerKind.LoanMaturityInDays, Days: 30), messy.Normalized().Trigger);
    }

    [Fact]
    public void Normalized_WhenStepCarriesOtherKindsFields_KeepsOnlyItsOwn()
    {
        var wait = new PlaybookStep(StepKind.Wait, WaitHours: 3, Template: "x", TaskTitle: "y", Channel: "Sms");
        var normalized = (Valid with { Steps = [wait] }).Normalized();
        Assert.Equal(new PlaybookStep(StepKind.Wait, WaitHours: 3), Assert.Single(normalized.Steps));
    }
}
