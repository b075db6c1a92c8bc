namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>What the executor does for an enrolment now.</summary>
public enum StepAction
{
    /// <summary>No step left: the journey is complete.</summary>
    Complete = 1,

    SendMessage = 2,
    CreateTask = 3,

    /// <summary>Record the wait and come back at <see cref="StepDecision.NextStepAt"/>.</summary>
    Wait = 4,

    /// <summary>The branch is decided: record it and go on at <see cref="StepDecision.NextStep"/>.</summary>
    Branch = 5,

    /// <summary>The branch cannot be decided yet (no reply, deadline not reached): nothing is recorded, look again later.</summary>
    Hold = 6,

    /// <summary>An Exit step: the journey ends here.</summary>
    Exit = 7,
}

/// <summary>The facts about an enrolment the machine needs at a branch: the time, its last message and whether the customer replied to it.</summary>
public sealed record StepFacts(DateTime Now, DateTime? LastMessageAt, bool RespondedSinceLastMessage);

/// <summary>
/// The decision for the step at <see cref="StepIndex"/>: the action, the index of the step after it
/// (<see cref="NextStep"/> = the number of steps when the journey ends) and when that step is due.
/// </summary>
public sealed record StepDecision(StepAction Action, int StepIndex, int NextStep, DateTime NextStepAt, string Note)
{
    public bool Ends(int stepCount) => Action is StepAction.Complete or StepAction.Exit || NextStep >= stepCount;
}

/// <summary>
/// The step state machine of a journey as a pure function: given the enrolment's next step, the steps and the facts,
/// what to do now and what comes next. Branches only jump forward (the validator's rule), so every journey ends.
/// </summary>
public static class StepMachine
{
    /// <summary>How often an undecided branch looks again for a reply before its deadline.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromHours(1);

    public static StepDecision Decide(IReadOnlyList<PlaybookStep> steps, int nextStep, StepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(nextStep);
        var now = facts.Now;
        if (nextStep >= steps.Count)
        {
            return new StepDecision(StepAction.Complete, nextStep, steps.Count, now, "旅程已完成");
        }

        var step = steps[nextStep];
        return step.Kind switch
        {
            StepKind.SendMessage => new StepDecision(StepAction.SendMessage, nextStep, nextStep + 1, now, string.Empty),
            StepKind.CreateTask => new StepDecision(StepAction.CreateTask, nextStep, nextStep + 1, now, string.Empty),
            StepKind.Wait => new StepDecision(StepAction.Wait, nextStep, nextStep + 1, now.AddHours(step.WaitHours ?? 0), $"等待 {step.WaitHours} 小时"),
            StepKind.BranchOnResponse => Branch(step, nextStep, steps.Count, facts),
            StepKind.Exit => new StepDecision(StepAction.Exit, nextStep, steps.Count, now, "按策略结束旅程"),
            _ => throw new ArgumentException($"Step {nextStep} has unknown kind {step.Kind}.", nameof(steps)),
        };
    }

    private static StepDecision Branch(PlaybookStep step, int index, int count, StepFacts facts)
    {
        var onResponse = Math.Min(step.OnResponseGoTo ?? index + 1, count);
        var onNoResponse = Math.Min(step.OnNoResponseGoTo ?? index + 1, count);
        if (facts.RespondedSinceLastMessage)
        {
            return new StepDecision(StepAction.Branch, index, onResponse, facts.Now, $"客户已回复 → {Target(onResponse, count)}");
        }

        if (facts.LastMessageAt is not { } sent)
        {
            return new StepDecision(StepAction.Branch, index, onNoResponse, facts.Now, $"没有可回复的消息 → {Target(onNoResponse, count)}");
        }

        var deadline = sent.AddHours(step.WaitHours ?? 0);
        if (facts.Now >= deadline)
        {
            return new StepDecision(StepAction.Branch, index, onNoResponse, facts.Now, $"{step.WaitHours} 小时内未回复 → {Target(onNoResponse, count)}");
        }

        var again = facts.Now + RecheckEvery;
        return new StepDecision(StepAction.Hold, index, index, again < deadline ? again : deadline, "等待客户回复");
    }

    private static string Target(int next, int count) => next >= count ? "结束" : $"第 {next + 1} 步";
}
