namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>
/// Tunable thresholds of the scoring run (configuration section <c>Scoring</c>); every default is documented in
/// docs/segmentation.md with its source.
/// </summary>
public sealed record ScoringSettings
{
    /// <summary>RFM look-back.</summary>
    public int RfmWindowMonths { get; init; } = 12;

    /// <summary>Length of the "current" and "previous comparable" activity periods (a quarter against the quarter before).</summary>
    public int ActivityPeriodMonths { get; init; } = 3;

    /// <summary>Seed 002 三(二)1: decline warning when activity falls 30% or more.</summary>
    public decimal DeclineThreshold { get; init; } = 0.30m;

    /// <summary>
    /// Below this many transactions and logins in the previous period a drop is noise (2 → 1 is −50%), not a
    /// decline; churners of the demo bank fall from dozens.
    /// </summary>
    public int MinPreviousActivity { get; init; } = 6;

    public TierThresholds Tiers { get; init; } = new();

    public int BatchSize { get; init; } = 2_000;

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
