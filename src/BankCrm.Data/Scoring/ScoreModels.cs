using BankCrm.Core.Segmentation;

namespace BankCrm.Data.Scoring;

/// <summary>The latest picture of one customer, the trend of earlier runs and the needs found on the latest run.</summary>
public sealed record CustomerScoresView(CustomerScore? Latest, IReadOnlyList<ScoreHistoryPoint> History, IReadOnlyList<NeedLine> Needs);

public sealed record ScoreHistoryPoint(DateOnly RunDate, CustomerClass CustomerClass, ValueTier ValueTier, LifecycleStage LifecycleStage, int HealthScore, decimal Aum, double? ChurnProbability);

public sealed record NeedLine(string Code, string Evidence);

public sealed record CountLine<T>(T Key, int Count);

/// <summary>Distribution of one run date within the caller's scope.</summary>
public sealed record SegmentDistribution(
    DateOnly RunDate, int Customers, IReadOnlyList<CountLine<CustomerClass>> Classes, IReadOnlyList<CountLine<ValueTier>> Tiers,
    IReadOnlyList<CountLine<LifecycleStage>> Stages);

public sealed record MigrationCell(CustomerClass From, CustomerClass To, int Count);

public sealed record MigrationMatrix(DateOnly From, DateOnly To, IReadOnlyList<MigrationCell> Cells);

public sealed record MigratedCustomer(long Id, string CustomerNumber, string Name, string BranchName, CustomerClass From, CustomerClass To, decimal Aum);

public sealed record ScoringRunLine(DateOnly RunDate, ScoringRunStatus Status, int Scored, int Total, DateTime StartedAt, DateTime? FinishedAt, string StartedBy, string? Error)
{
    public double? DurationSeconds => FinishedAt is { } end ? (end - StartedAt).TotalSeconds : null;

    public static ScoringRunLine From(ScoringRun r) => new(r.RunDate, r.Status, r.CustomersScored, r.CustomersTotal, r.StartedAt, r.FinishedAt, r.StartedBy, r.Error);
}
