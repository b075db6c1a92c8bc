namespace BankCrm.Data.Segmentation.Tags;

/// <summary>
/// What a rule is evaluated against: the day time windows count back from, and the newest run date with a
/// completed scoring run (null when there is none yet, and then score, need conditions match nobody).
/// </summary>
public sealed record RuleContext(DateOnly AsOf, DateOnly? LatestRunDate)
{
    /// <summary>Start of the window of <paramref name="days"/> days ending on <see cref="AsOf"/>, in UTC (China midnight).</summary>
    public DateTime WindowStart(int days) =>
        DateTime.SpecifyKind(AsOf.AddDays(1 - days).ToDateTime(TimeOnly.MinValue) - Core.Common.ChinaTime.Offset, DateTimeKind.Utc);
}
