using BankCrm.Core.Engagement.Playbooks;
using static BankCrm.Core.Tests.Engagement.Playbooks.PlaybookSamples;

namespace BankCrm.Core.Tests.Engagement.Playbooks;

public sealed class StepMachineTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    // 0 send, 1 branch (48 h: replied → 2, else → 3), 2 task, 3 wait 24 h.
    private static readonly IReadOnlyList<PlaybookStep> Steps = Valid.Steps;

    private static StepFacts Facts(DateTime? lastMessageAt = null, bool responded = false) => new(Now, lastMessageAt, responded);

    [Fact]
    public void Decide_WhenSendMessage_RunsItAndTheNextStepIsDueNow()
    {
        var decision = StepMachine.Decide(Steps, 0, Facts());
        Assert.Equal((StepAction.SendMessage, 0, 1, Now), (decision.Action, decision.StepIndex, decision.NextStep, decision.NextStepAt));
        Assert.False(decision.Ends(Steps.Count));
    }

    [Fact]
    public void Decide_WhenCreateTask_RunsItAndGoesOn() =>
        Assert.Equal((StepAction.CreateTask, 3), Pair(StepMachine.Decide(Steps, 2, Facts())));

    [Fact]
    public void Decide_WhenWait_TheNextStepIsDueAfterTheWait()
    {
        var decision = StepMachine.Decide(Steps, 3, Facts());
        Assert.Equal((StepAction.Wait, 4, Now.AddHours(24)), (decision.Action, decision.NextStep, decision.NextStepAt));
        Assert.True(decision.Ends(Steps.Count));
    }

    [Fact]
    public void Decide_WhenPastTheLastStep_Completes()
    {
        var decision = StepMachine.Decide(Steps, 4, Facts());
        Assert.Equal(StepAction.Complete, decision.Action);
        Assert.True(decision.Ends(Steps.Count));
    }

    [Fact]
    public void Decide_WhenBranchAndTheCustomerReplied_TakesTheReplyPathNow()
    {
        var decision = StepMachine.Decide(Steps, 1, Facts(Now.AddHours(-1), responded: true));
        Assert.Equal((StepAction.Branch, 2, Now), (decision.Action, decision.NextStep, decision.NextStepAt));
        Assert.Equal("客户已回复 → 第 3 步", decision.Note);
    }

    [Fact]
    public void Decide_WhenBranchWithoutReplyBeforeTheDeadline_HoldsAndLooksAgainInAnHour()
    {
        var decision = StepMachine.Decide(Steps, 1, Facts(Now.AddHours(-10)));
        Assert.Equal((StepAction.Hold, 1, Now + StepMachine.RecheckEvery), (decision.Action, decision.NextStep, decision.NextStepAt));
        Assert.False(decision.Ends(Steps.Count));
    }

    [Fact]
    public void Decide_WhenBranchDeadlineIsCloserThanAnHour_HoldsUntilTheDeadline() =>
        Assert.Equal(Now.AddMinutes(20), StepMachine.Decide(Steps, 1, Facts(Now.AddHours(-48).AddMinutes(20))).NextStepAt);

    [Fact]
    public void Decide_WhenBranchDeadlinePassedWithoutReply_TakesTheNoReplyPath()
    {
        var decision = StepMachine.Decide(Steps, 1, Facts(Now.AddHours(-48)));
        Assert.Equal((StepAction.Branch, 3), Pair(decision));
        Assert.Equal("48 小时内未回复 → 第 4 步", decision.Note);
    }

    [Fact]
    public void Decide_WhenBranchHasNoMessageToReplyTo_TakesTheNoReplyPath() =>
        Assert.Equal((StepAction.Branch, 3), Pair(StepMachine.Decide(Steps, 1, Facts())));

    [Fact]
    public void Decide_WhenBranchTargetIsTheEnd_TheJourneyEnds()
    {
        var steps = Steps.ToList();
        steps[1] = steps[1] with { OnResponseGoTo = 4 };
        var decision = StepMachine.Decide(steps, 1, Facts(Now, responded: true));
        Assert.True(decision.Ends(steps.Count));
        Assert.Equal("客户已回复 → 结束", decision.Note);
    }

    [Fact]
    public void Decide_WhenExitStep_EndsTheJourney()
    {
        var steps = new[] { Steps[0], new PlaybookStep(StepKind.Exit), Steps[2] };
        var decision = StepMachine.Decide(steps, 1, Facts());
        Assert.Equal((StepAction.Exit, 3), Pair(decision));
        Assert.True(decision.Ends(steps.Length));
    }

    [Fact]
    public void Decide_WhenNextStepIsNegative_ThrowsNamingTheStep()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StepMachine.Decide(Steps, -1, Facts()));

        Assert.Equal("nextStep", error.ParamName);
        Assert.Equal(-1, error.ActualValue);
    }

    private static (StepAction, int) Pair(StepDecision d) => (d.Action, d.NextStep);
}
