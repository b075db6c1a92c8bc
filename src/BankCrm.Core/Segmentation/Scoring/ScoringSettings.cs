namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>
/// Tunable thresholds of the scoring run (configuration section <c>Scoring</c>); every default is documented in
/// docs/segmentation.md with its source.
/// </summary>
public sealed record ScoringSettings
{
    /// <summary>RFM look-back.</summary>
    public int RfmWindowMonths { get; init; } = 12;

    /// <summary>
    /// Length of the "current" and "previous comparable" activity periods: the last half-year against the one
    /// before. Measured on the demo bank, quarters flag as many steady customers as churners (chance swings of
    /// small counts); half-years catch a third of the future churners at 72% precision.
    /// </summary>
    public int ActivityPeriodMonths { get; init; } = 6;

    /// <summary>Seed 002 三(二)1: decline warning when activity falls 30% or more.</summary>
    public decimal DeclineThreshold { get; init; } = 0.30m;

    /// <summary>Below this many transactions and logins in the previous period a drop is noise (2 → 1 is −50%), not a decline.</summary>
    public int MinPreviousActivity { get; init; } = 4;

    /// <summary>How many standard deviations (of the difference of two Poisson counts) the drop must reach.</summary>
    public double DeclineSignificance { get; init; } = 2.0;

    public TierThresholds Tiers { get; init; } = new();

    /// <summary>Customers per read and commit; bigger batches cost fewer round trips and range scans (docs/performance.md).</summary>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>
    /// The churn probability from which the run also stores the reasons (the three factors that push it up most).
    /// Explaining costs five times what predicting does; below this a customer is not at risk and the 360 page
    /// says so instead of listing reasons (docs/models.md).
    /// </summary>
    public double ChurnFactorsFrom { get; init; } = 0.10;

    /// <summary>Customers sampled to fix the RFM quintile thresholds; the whole population when it is smaller.</summary>
    public int QuintileSampleSize { get; init; } = 50_000;
}

/// <summary>
/// AUM thresholds of the value tiers (seed 001: 贵宾客户 / 大众富裕客户 / 基础客户). Individuals: ¥500,000 is the common
/// 白金/贵宾 threshold of Chinese retail banks and ¥50,000 the 金卡 one; companies hold far more cash for operations.
/// </summary>
public sealed record TierThresholds
{
    public decimal Vip { get; init; } = 500_000m;

    public decimal MassAffluent { get; init; } = 50_000m;

    public decimal CorporateVip { get; init; } = 10_000_000m;

    public decimal CorporateMassAffluent { get; init; } = 1_000_000m;
}
