using BankCrm.Core.Common;

namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>
/// Quintile cut points of the RFM values, fixed once per run over the whole population (or a sample of it), so
/// every batch scores against the same thresholds.
/// </summary>
public sealed record RfmThresholds(IReadOnlyList<double> Recency, IReadOnlyList<double> Frequency, IReadOnlyList<double> Monetary)
{
    public static readonly RfmThresholds Empty = new([], [], []);

    public static RfmThresholds From(IReadOnlyCollection<CustomerSignals> population, DateOnly runDate) => new(
        Rfm.CutPoints(population.Where(s => s.Frequency > 0).Select(s => -(double)Rfm.RecencyDays(s, runDate)!.Value)),
        Rfm.CutPoints(population.Select(s => (double)s.Frequency)),
        Rfm.CutPoints(population.Select(s => (double)s.Monetary)));
}

public static class Rfm
{
    /// <summary>Days since the last transaction in the window; null when there was none.</summary>
    public static int? RecencyDays(CustomerSignals signals, DateOnly runDate) =>
        signals.Frequency == 0 || signals.LastTransactionAt is not { } last ? null
            : Math.Max(0, runDate.DayNumber - DateOnly.FromDateTime(ChinaTime.FromUtc(last)).DayNumber);

    /// <summary>
    /// The four values at the 20th, 40th, 60th and 80th percentile (nearest rank). Ties share a score: a value
    /// scores 1 plus the number of cut points it exceeds, so equal values can never land in different quintiles.
    /// </summary>
    public static IReadOnlyList<double> CutPoints(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [];
        }

        return [.. Enumerable.Range(1, 4).Select(k => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * k / 5.0) - 1)])];
    }

    public static byte Score(double value, IReadOnlyList<double> cutPoints) =>
        (byte)(1 + cutPoints.Count(c => value > c));

    /// <summary>Recent is better: the cut points are over minus the days; no transaction at all scores 1.</summary>
    public static byte RecencyScore(int? days, RfmThresholds thresholds) =>
        days is { } d ? Score(-d, thresholds.Recency) : (byte)1;
}
