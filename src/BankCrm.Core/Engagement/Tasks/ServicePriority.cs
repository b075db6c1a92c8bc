using System.Linq.Expressions;
using BankCrm.Core.Segmentation;

namespace BankCrm.Core.Engagement.Tasks;

/// <summary>What the service-priority order of one open task is computed from.</summary>
/// <remarks>A class with settable properties, not a positional record, so a query can project into it and sort on it.</remarks>
public sealed class TaskPriorityFacts
{
    public long TaskId { get; init; }

    /// <summary>Value tier in the latest completed scoring run; null when the customer is not in it.</summary>
    public ValueTier? Tier { get; init; }

    /// <summary>Health score 0–100 in the latest completed scoring run; null when the customer is not in it.</summary>
    public int? Health { get; init; }

    public TaskUrgency Urgency { get; init; }

    public DateTime DueAt { get; init; }
}

/// <summary>
/// The service-priority list (服务优先级清单, seed 002 三(四)1): open tasks ordered by the sum of four parts, highest
/// first, then by due date, oldest first. Due date 0–40 (overdue 40, within 24 h 30, within 3 days 20, within 7 days
/// 10); the task's urgency 0–30 (critical 30, high 20, normal 10, low 0); the customer's value tier 0–20 (VIP 20,
/// mass-affluent 10, basic or not scored 0); the customer's health 0–20, lower health more urgent (below 40: 20,
/// below 60: 10, below 80: 5, 80 and over: 0, not scored: 5). docs/tasks-and-interactions.md explains the weights.
/// </summary>
public static class ServicePriority
{
    public const int OverduePoints = 40;
    public const int DueWithinDayPoints = 30;
    public const int DueWithinThreeDaysPoints = 20;
    public const int DueWithinWeekPoints = 10;

    public const int CriticalPoints = 30;
    public const int HighPoints = 20;
    public const int NormalPoints = 10;

    public const int VipPoints = 20;
    public const int MassAffluentPoints = 10;

    public const int CriticalHealthBelow = 40;
    public const int PoorHealthBelow = 60;
    public const int FairHealthBelow = 80;
    public const int CriticalHealthPoints = 20;
    public const int PoorHealthPoints = 10;
    public const int FairHealthPoints = 5;
    public const int UnscoredHealthPoints = 5;

    /// <summary>The one formula: sorted on by the database (<see cref="Score"/>) and evaluated in memory (<see cref="ScoreOf"/>).</summary>
    private static readonly Expression<Func<TaskPriorityFacts, DueWindows, int>> Formula = (f, w) =>
        (f.DueAt < w.Now ? OverduePoints
            : f.DueAt < w.Day ? DueWithinDayPoints
            : f.DueAt < w.ThreeDays ? DueWithinThreeDaysPoints
            : f.DueAt < w.Week ? DueWithinWeekPoints
            : 0)
        + (f.Urgency == TaskUrgency.Critical ? CriticalPoints
            : f.Urgency == TaskUrgency.High ? HighPoints
            : f.Urgency == TaskUrgency.Normal ? NormalPoints
            : 0)
        + (f.Tier == ValueTier.Vip ? VipPoints
            : f.Tier == ValueTier.MassAffluent ? MassAffluentPoints
            : 0)
        + (f.Health == null ? UnscoredHealthPoints
            : f.Health < CriticalHealthBelow ? CriticalHealthPoints
            : f.Health < PoorHealthBelow ? PoorHealthPoints
            : f.Health < FairHealthBelow ? FairHealthPoints
            : 0);

    private static readonly Func<TaskPriorityFacts, DueWindows, int> Compiled = Formula.Compile();

    public static int ScoreOf(TaskPriorityFacts facts, DateTime now) => Compiled(facts, DueWindows.At(now));

    /// <summary>The formula at <paramref name="now"/> as an expression a LINQ provider can translate into ORDER BY.</summary>
    public static Expression<Func<TaskPriorityFacts, int>> Score(DateTime now)
    {
        var windows = Expression.Constant(DueWindows.At(now));
        var body = new ParameterReplacer(Formula.Parameters[1], windows).Visit(Formula.Body);
        return Expression.Lambda<Func<TaskPriorityFacts, int>>(body, Formula.Parameters[0]);
    }

    /// <summary>The ends of the due-date bands, fixed once per query so the database compares plain timestamps.</summary>
    public sealed record DueWindows(DateTime Now, DateTime Day, DateTime ThreeDays, DateTime Week)
    {
        public static DueWindows At(DateTime now) => new(now, now.AddDays(1), now.AddDays(3), now.AddDays(7));
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
