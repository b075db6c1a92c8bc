using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Data.Scoring;

/// <summary>
/// The UTC instants that bound every look-back of one run date (days are China days), and the instant whose
/// profiling consents decide who is scored (<see cref="ConsentAt"/>: when the run starts, whatever date it scores).
/// </summary>
internal sealed record ScoringPeriods(DateOnly RunDate, ScoringSettings Settings, DateTime ConsentAt)
{
    /// <summary>Midnight after the run date: nothing later counts, so a run for a past date sees that day's data.</summary>
    public DateTime End => Utc(RunDate.AddDays(1));

    public DateTime RfmStart => Utc(RunDate.AddDays(1).AddMonths(-Settings.RfmWindowMonths));

    public DateTime CurrentStart => Utc(RunDate.AddDays(1).AddMonths(-Settings.ActivityPeriodMonths));

    public DateTime PreviousStart => Utc(RunDate.AddDays(1).AddMonths(-2 * Settings.ActivityPeriodMonths));

    public DateTime Days30Start => Utc(RunDate.AddDays(-29));

    public DateTime Months3Start => Utc(RunDate.AddDays(1).AddMonths(-3));

    public DateTime Months6Start => Utc(RunDate.AddDays(1).AddMonths(-6));

    public DateTime Months12Start => Utc(RunDate.AddDays(1).AddMonths(-12));

    /// <summary>The churn model's look-backs (the streamed run computes its inputs in the same pass).</summary>
    public Churn.ChurnWindows Churn => Scoring.Churn.ChurnWindows.Of(RunDate);

    /// <summary>The earliest instant any look-back reads.</summary>
    public DateTime ScanStart => new[] { RfmStart, PreviousStart, Months6Start, Months12Start, Churn.Days180 }.Min();

    public DateTime EventScanStart => new[] { PreviousStart, Months3Start, Days30Start, Churn.Days180 }.Min();

    private static DateTime Utc(DateOnly chinaDay) =>
        DateTime.SpecifyKind(chinaDay.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
}
