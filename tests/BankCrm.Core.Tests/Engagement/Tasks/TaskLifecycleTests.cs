using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Core.Tests.Engagement.Tasks;

public sealed class TaskLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void LogOutcome_WhenTheOutcomeCloses_IsDoneWithTheWordsStoredAndTheVersionBumped()
    {
        var task = Open();
        TaskLifecycle.LogOutcome(task, TaskOutcome.ContactedInterested, "  客户想了解基金定投\u200B ", Now);
        Assert.Equal(WorkTaskStatus.Done, task.Status);
        Assert.Equal("已联系-有意向", task.Outcome);
        Assert.Equal("客户想了解基金定投", task.OutcomeNote);
        Assert.Equal(Now, task.CompletedAt);
        Assert.Equal(4, task.Version);
    }

    [Fact]
    public void LogOutcome_WhenNoAnswer_StaysOpenInProgress()
    {
        var task = Open();
        TaskLifecycle.LogOutcome(task, TaskOutcome.NoAnswer, null, Now);
        Assert.Equal(WorkTaskStatus.InProgress, task.Status);
        Assert.Equal("未接通", task.Outcome);
        Assert.Null(task.CompletedAt);
    }

    [Fact]
    public void LogOutcome_WhenAlreadyDone_Throws()
    {
        var task = Open();
        task.Status = WorkTaskStatus.Done;
        var error = Assert.Throws<InvalidOperationException>(() => TaskLifecycle.LogOutcome(task, TaskOutcome.Declined, null, Now));

        Assert.Equal($"Task {task.Id} is Done; only open tasks change.", error.Message);
    }

    [Fact]
    public void Cancel_WhenOpen_IsCancelledAndClosedNow()
    {
        var task = Open();
        TaskLifecycle.Cancel(task, "客户已销户", Now);
        Assert.Equal(WorkTaskStatus.Cancelled, task.Status);
        Assert.Equal("客户已销户", task.OutcomeNote);
        Assert.Equal(Now, task.CompletedAt);
    }

    [Fact]
    public void Reassign_WhenEscalated_KeepsTheEscalation()
    {
        var task = Open();
        task.EscalatedAt = Now;
        task.EscalatedTo = "manager";
        TaskLifecycle.Reassign(task, "rm2");
        Assert.Equal("rm2", task.OwnerId);
        Assert.Equal(Now, task.EscalatedAt);
    }

    [Fact]
    public void Start_WhenOpen_IsInProgress()
    {
        var task = Open();
        TaskLifecycle.Start(task);
        Assert.Equal(WorkTaskStatus.InProgress, task.Status);
    }

    private static WorkTask Open() => new() { Id = 7, OwnerId = "rm1", Status = WorkTaskStatus.Open, DueAt = Now, Version = 3 };
}
