using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation.Tags;
using static BankCrm.Core.Tests.Engagement.Playbooks.PlaybookSamples;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class PlaybookValidatorTests
{
    private static IReadOnlyList<FieldError> Check(PlaybookDefinition definition) => PlaybookValidator.Validate(definition.Normalized(), CheckTemplate);

    private static FieldError Only(PlaybookDefinition definition) => Assert.Single(Check(definition));

    [Fact]
    public void Validate_WhenEveryPartIsComplete_HasNoErrors() => Assert.Empty(Check(Valid));

    [Fact]
    public void Validate_WhenNameIsBlank_NamesTheNameField()
    {
        var error = Only(Valid with { Name = "  " });
        Assert.Equal("name", error.Field);
        Assert.Contains("策略名称必填", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TriggerKind.AccountOpened, "trigger.hours")]
    [InlineData(TriggerKind.StageChanged, "trigger.stage")]
    [InlineData(TriggerKind.MortgageRepaidMonths, "trigger.months")]
    [InlineData(TriggerKind.LoanMaturityInDays, "trigger.days")]
    [InlineData(TriggerKind.Holiday, "trigger.holidayDates")]
    [InlineData(TriggerKind.SegmentEntry, "trigger.segmentId")]
    [InlineData(TriggerKind.NeedDetected, "trigger.needCode")]
    [InlineData(TriggerKind.Recurring, "trigger.every")]
    public void Validate_WhenTriggerLacksItsParameter_NamesTheParameter(TriggerKind kind, string field)
    {
        var error = Only(Valid with { Trigger = new PlaybookTrigger(kind) });
        Assert.Equal(field, error.Field);
        Assert.StartsWith($"触发条件「{PlaybookVocabulary.TriggerLabel(kind)}」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenBirthdayTrigger_NeedsNoParameter() =>
        Assert.Empty(Check(Valid with { Trigger = new PlaybookTrigger(TriggerKind.Birthday, Hours: 5) }));

    [Theory]
    [InlineData(0)]
    [InlineData(721)]
    public void Validate_WhenHoursOutOfRange_SaysTheRange(int hours) =>
        Assert.Contains("1 到 720", Only(Valid with { Trigger = new PlaybookTrigger(TriggerKind.AccountOpened, Hours: hours) }).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("2027/02/06")]
    [InlineData("春节")]
    public void Validate_WhenHolidayDateIsNotADate_NamesHolidayDates(string date)
    {
        var error = Only(Valid with { Trigger = new PlaybookTrigger(TriggerKind.Holiday, HolidayDates: ["2027-02-06", date]) });
        Assert.Equal("trigger.holidayDates", error.Field);
        Assert.Contains(date, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenNeedIsUnknown_ListsTheKnownNeeds() =>
        Assert.Contains("fund-regular-investment", Only(Valid with { Trigger = new PlaybookTrigger(TriggerKind.NeedDetected, NeedCode: "lottery") }).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_WhenThereAreNoSteps_NamesSteps() => Assert.Equal("steps", Only(Valid with { Steps = [] }).Field);

    [Fact]
    public void Validate_WhenStepsOnlyWait_AsksForAMessageOrTask()
    {
        var error = Only(Valid with { Steps = [new PlaybookStep(StepKind.Wait, WaitHours: 1)] });
        Assert.Equal(("steps", "action"), (error.Field, error.Rule));
    }

    [Fact]
    public void Validate_WhenTemplateIsRejected_NamesTheStepsTemplateWithTheReason()
    {
        var error = Only(WithStep(0, Valid.Steps[0] with { Template = "您的余额 {{ balance }}" }));
        Assert.Equal("steps[0].template", error.Field);
        Assert.Equal("第 1 步（发送消息）：模板只能使用这些变量：customer_name", error.Message);
    }

    [Theory]
    [InlineData("Fax", null, "Service", "steps[0].channel")]
    [InlineData("4", null, "Service", "steps[0].channel")]
    [InlineData(null, null, "Spam", "steps[0].purpose")]
    [InlineData("Sms", "", "Marketing", "steps[0].subject")]
    public void Validate_WhenAMessageFieldIsWrong_NamesIt(string? channel, string? subject, string purpose, string field) =>
        Assert.Equal(field, Only(WithStep(0, Valid.Steps[0] with { Channel = channel, Subject = subject ?? "标题", Purpose = purpose })).Field);

    [Fact]
    public void Validate_WhenChannelIsBlank_UsesThePreferredChannel() => Assert.Empty(Check(WithStep(0, Valid.Steps[0] with { Channel = " " })));

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(2161)]
    public void Validate_WhenWaitHoursAreMissingOrOutOfRange_NamesWaitHours(int? hours) =>
        Assert.Equal("steps[3].waitHours", Only(WithStep(3, new PlaybookStep(StepKind.Wait, WaitHours: hours))).Field);

    [Theory]
    [InlineData(1, 3, "steps[1].onResponseGoTo")]
    [InlineData(0, 3, "steps[1].onResponseGoTo")]
    [InlineData(2, 5, "steps[1].onNoResponseGoTo")]
    public void Validate_WhenBranchTargetIsNotAFollowingStep_NamesTheTarget(int onResponse, int onNoResponse, string field)
    {
        var error = Only(WithStep(1, Valid.Steps[1] with { OnResponseGoTo = onResponse, OnNoResponseGoTo = onNoResponse }));
        Assert.Equal(field, error.Field);
        Assert.Contains("第 3 到第 4 步，或「结束」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenBranchTargetIsTheEnd_IsValid() =>
        Assert.Empty(Check(WithStep(1, Valid.Steps[1] with { OnResponseGoTo = 4, OnNoResponseGoTo = 4 })));

    [Fact]
    public void Validate_WhenBranchComesBeforeAnyMessage_SaysSo()
    {
        var steps = new[] { Valid.Steps[1] with { OnResponseGoTo = 1, OnNoResponseGoTo = 2 }, Valid.Steps[0] };
        var error = Only(Valid with { Steps = steps });
        Assert.Equal(("steps[0].kind", "order"), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData("", "Normal", 1, "steps[2].taskTitle")]
    [InlineData("电话问候", "Urgent!", 1, "steps[2].urgency")]
    [InlineData("电话问候", "High", 91, "steps[2].dueInDays")]
    [InlineData("电话问候", "High", -1, "steps[2].dueInDays")]
    public void Validate_WhenATaskFieldIsWrong_NamesIt(string title, string urgency, int due, string field) =>
        Assert.Equal(field, Only(WithStep(2, Valid.Steps[2] with { TaskTitle = title, Urgency = urgency, DueInDays = due })).Field);

    [Fact]
    public void Validate_WhenQuestionnaireHasABlankOrRepeatedQuestion_NamesQuestionnaire()
    {
        Assert.Equal("steps[2].questionnaire", Only(WithStep(2, Valid.Steps[2] with { Questionnaire = ["预计留学国家？", " "] })).Field);
        Assert.Equal("unique", Only(WithStep(2, Valid.Steps[2] with { Questionnaire = ["预计留学国家？", "预计留学国家？"] })).Rule);
        Assert.Equal("max", Only(WithStep(2, Valid.Steps[2] with { Questionnaire = [.. Enumerable.Range(1, 9).Select(i => $"问题{i}")] })).Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Validate_WhenMaxDaysOutOfRange_NamesExitRulesMaxDays(int days) =>
        Assert.Equal("exitRules.maxDays", Only(Valid with { ExitRules = new PlaybookExitRules(MaxDays: days) }).Field);

    [Fact]
    public void Validate_WhenExitCategoryIsUnknown_NamesIt() =>
        Assert.Equal("exitRules.exitOnProductCategory", Only(Valid with { ExitRules = new PlaybookExitRules(ExitOnProductCategory: "Gold") }).Field);

    [Fact]
    public void Validate_WhenExitingOnResponseWithABranch_SaysTheBranchCannotRun() =>
        Assert.Equal("exitRules.exitOnResponse", Only(Valid with { ExitRules = new PlaybookExitRules(ExitOnResponse: true) }).Field);

    [Fact]
    public void Validate_WhenConditionsAreInvalid_NamesTheConditionUnderConditions()
    {
        var rule = new CustomerRule { Groups = [new RuleGroup { Conditions = [new RuleCondition { Field = RuleFields.Age, Operator = RuleOperator.Ge, Value = "老" }] }] };
        var error = Only(Valid with { Conditions = rule });
        Assert.Equal("conditions.groups[0].conditions[0].value", error.Field);
        Assert.StartsWith("适用客户：", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenConditionsUseScores_IsValid()
    {
        var rule = new CustomerRule { Groups = [new RuleGroup { Conditions = [new RuleCondition { Field = RuleFields.LifecycleStage, Operator = RuleOperator.Eq, Value = "Growth" }] }] };
        Assert.Empty(Check(Valid with { Conditions = rule }));
    }
}
