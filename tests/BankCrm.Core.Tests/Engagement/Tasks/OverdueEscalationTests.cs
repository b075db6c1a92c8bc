using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Core.Tests.Engagement.Tasks;

public sealed class OverdueEscalationTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
    private static readonly OverdueEscalation Rule = new(TimeSpan.FromHours(24));

    [Fact]
    public void IsDue_WhenOverdueByExactlyTheConfiguredTime_IsNotYetDue() =>
        Assert.False(Rule.IsDue(Task(Now.AddHours(-24)), Now));

    [Fact]
    public void IsDue_WhenOverdueByMoreThanTheConfiguredTime_IsDue() =>
        Assert.True(Rule.IsDue(Task(Now.AddHours(-24).AddTicks(-1)), Now));

    [Fact]
    public void IsDue_WhenInProgress_IsDueToo() =>
        Assert.True(Rule.IsDue(Task(Now.AddDays(-3), WorkTaskStatus.InProgress), Now));

    [Theory]
    [InlineData(WorkTaskStatus.Done)]
    [InlineData(WorkTaskStatus.Cancelled)]
    public void IsDue_WhenClosed_IsNeverDue(WorkTaskStatus status) =>
        Assert.False(Rule.IsDue(Task(Now.AddDays(-3), status), Now));

    [Fact]
    public void IsDue_WhenAlreadyEscalated_IsNeverDueAgain()
    {
        var task = Task(Now.AddDays(-3));
        task.EscalatedAt = Now.AddDays(-1);
        Assert.False(Rule.IsDue(task, Now));
    }

    [Fact]
    public void DueBefore_WhenConfiguredForTwoHours_IsTwoHoursBeforeNow() =>
        Assert.Equal(Now.AddHours(-2), new OverdueEscalation(TimeSpan.FromHours(2)).DueBefore(Now));

    private static WorkTask Task(DateTime dueAt, WorkTaskStatus status = WorkTaskStatus.Open) => new() { Id = 1, DueAt = dueAt, Status = status };
}
