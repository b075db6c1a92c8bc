using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;

namespace BankCrm.Core.Tests.Engagement.Tasks;

public sealed class ServicePriorityTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Theory]
    [InlineData(-7 * 24 * 60, ServicePriority.OverduePoints)]
    [InlineData(0, ServicePriority.DueWithinDayPoints)]
    [InlineData(24 * 60 - 1, ServicePriority.DueWithinDayPoints)]
    [InlineData(24 * 60, ServicePriority.DueWithinThreeDaysPoints)]
    [InlineData(3 * 24 * 60 - 1, ServicePriority.DueWithinThreeDaysPoints)]
    [InlineData(3 * 24 * 60, ServicePriority.DueWithinWeekPoints)]
    [InlineData(7 * 24 * 60 - 1, ServicePriority.DueWithinWeekPoints)]
    [InlineData(7 * 24 * 60, 0)]
    public void ScoreOf_WhenDueInMinutes_AddsTheBandOfTheDueDate(int minutes, int points) =>
        Assert.Equal(points, DuePart(Now.AddMinutes(minutes)));

    [Fact]
    public void ScoreOf_WhenDueOneTickAgo_IsOverdue() =>
        Assert.Equal(ServicePriority.OverduePoints, DuePart(Now - Tick));

    [Theory]
    [InlineData(TaskUrgency.Critical, ServicePriority.CriticalPoints)]
    [InlineData(TaskUrgency.High, ServicePriority.HighPoints)]
    [InlineData(TaskUrgency.Normal, ServicePriority.NormalPoints)]
    [InlineData(TaskUrgency.Low, 0)]
    public void ScoreOf_WhenUrgency_AddsItsPoints(TaskUrgency urgency, int points) =>
        Assert.Equal(points, ServicePriority.ScoreOf(Facts(urgency: urgency), Now) - ServicePriority.ScoreOf(Facts(urgency: TaskUrgency.Low), Now));

    [Theory]
    [InlineData(ValueTier.Vip, ServicePriority.VipPoints)]
    [InlineData(ValueTier.MassAffluent, ServicePriority.MassAffluentPoints)]
    [InlineData(ValueTier.Basic, 0)]
    [InlineData(null, 0)]
    public void ScoreOf_WhenTier_AddsItsPoints(ValueTier? tier, int points) =>
        Assert.Equal(points, ServicePriority.ScoreOf(Facts(tier: tier), Now) - ServicePriority.ScoreOf(Facts(tier: ValueTier.Basic), Now));

    [Theory]
    [InlineData(0, ServicePriority.CriticalHealthPoints)]
    [InlineData(39, ServicePriority.CriticalHealthPoints)]
    [InlineData(40, ServicePriority.PoorHealthPoints)]
    [InlineData(59, ServicePriority.PoorHealthPoints)]
    [InlineData(60, ServicePriority.FairHealthPoints)]
    [InlineData(79, ServicePriority.FairHealthPoints)]
    [InlineData(80, 0)]
    [InlineData(100, 0)]
    public void ScoreOf_WhenHealth_LowerHealthAddsMore(int health, int points) =>
        Assert.Equal(points, ServicePriority.ScoreOf(Facts(health: health), Now) - ServicePriority.ScoreOf(Facts(health: 100), Now));

    [Fact]
    public void ScoreOf_WhenNotScored_CountsHealthAsFairAndTierAsBasic()
    {
        var unscored = ServicePriority.ScoreOf(Facts(tier: null, health: null), Now);
        Assert.Equal(ServicePriority.ScoreOf(Facts(tier: ValueTier.Basic, health: 79), Now), unscored);
    }

    [Fact]
    public void ScoreOf_WhenEverythingElseIsEqual_OrdersVipBeforeMassAffluentBeforeBasic()
    {
        var vip = ServicePriority.ScoreOf(Facts(tier: ValueTier.Vip), Now);
        var affluent = ServicePriority.ScoreOf(Facts(tier: ValueTier.MassAffluent), Now);
        var basic = ServicePriority.ScoreOf(Facts(tier: ValueTier.Basic), Now);
        Assert.True(vip > affluent && affluent > basic, $"{vip} {affluent} {basic}");
    }

    [Fact]
    public void ScoreOf_WhenAnOverdueNormalTaskMeetsACriticalTaskDueNextWeek_PutsTheOverdueOneFirst()
    {
        var overdue = ServicePriority.ScoreOf(Facts(due: Now.AddDays(-1), urgency: TaskUrgency.Normal), Now);
        var critical = ServicePriority.ScoreOf(Facts(due: Now.AddDays(6), urgency: TaskUrgency.Critical), Now);
        Assert.True(overdue > critical, $"overdue {overdue}, critical {critical}");
    }

    [Fact]
    public void ScoreOf_WhenEverythingPointsToUrgent_IsTheMaximumOf110()
    {
        var worst = Facts(due: Now.AddDays(-3), urgency: TaskUrgency.Critical, tier: ValueTier.Vip, health: 10);
        Assert.Equal(110, ServicePriority.ScoreOf(worst, Now));
    }

    [Fact]
    public void Score_WhenCompiled_AgreesWithScoreOfOnEveryBoundary()
    {
        var score = ServicePriority.Score(Now).Compile();
        var dues = new[] { -1.0, 0, 0.999, 1, 2.999, 3, 6.999, 7, 30 }.Select(d => Now.AddDays(d));
        var healths = new int?[] { null, 0, 39, 40, 59, 60, 79, 80, 100 };
        var tiers = new ValueTier?[] { null, ValueTier.Basic, ValueTier.MassAffluent, ValueTier.Vip };
        foreach (var facts in from due in dues from health in healths from tier in tiers from urgency in Enum.GetValues<TaskUrgency>()
                              select Facts(due, urgency, tier, health))
        {
            Assert.Equal(ServicePriority.ScoreOf(facts, Now), score(facts));
        }
    }

    private static int DuePart(DateTime due) =>
        ServicePriority.ScoreOf(Facts(due: due), Now) - ServicePriority.ScoreOf(Facts(due: Now.AddDays(30)), Now);

    private static TaskPriorityFacts Facts(DateTime? due = null, TaskUrgency urgency = TaskUrgency.Low, ValueTier? tier = ValueTier.Basic, int? health = 100) =>
        new() { TaskId = 1, DueAt = due ?? Now.AddDays(30), Urgency = urgency, Tier = tier, Health = health };
}
