using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Fixes the RFM quintile cut points before the batches: over every customer when the bank is no bigger than the
/// sample, otherwise over ten evenly spaced slices of consecutive ids (range scans, like the batches), which
/// follow the whole population's distribution closely because ids carry no meaning. Only the RFM values are read,
/// and only of customers who may be profiled (<see cref="ProfilingScope"/>).
/// </summary>
internal static class QuintileSample
{
    private const int Slices = 10;

    public static async Task<RfmThresholds> ThresholdsAsync(CrmDbContext db, ScoringPeriods periods, int sampleSize, CancellationToken cancellationToken)
    {
        var total = await db.Customers.CountAsync(cancellationToken);
        var population = new List<CustomerSignals>();
        if (total <= sampleSize)
        {
            population.AddRange(await RfmAsync(db, await ProfiledAsync(db, long.MinValue, long.MaxValue, periods, cancellationToken), periods, cancellationToken));
        }
        else
        {
            var sliceSize = sampleSize / Slices;
            for (var slice = 0; slice < Slices; slice++)
            {
                var offset = (int)((long)total * slice / Slices);
                var ids = await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Skip(offset).Take(sliceSize).ToListAsync(cancellationToken);
                if (ids.Count > 0)
                {
                    population.AddRange(await RfmAsync(db, await ProfiledAsync(db, ids[0], ids[^1], periods, cancellationToken), periods, cancellationToken));
                }
            }
        }

        return RfmThresholds.From(population, periods.RunDate);
    }

    /// <summary>
    /// The ids in [first, last] of the customers who may be profiled: the cut points are learnt from them only. The
    /// slices are found over every customer (an offset into the primary key) and only then narrowed, so the consent
    /// check runs for the sample, not for the customers skipped to reach it.
    /// </summary>
    private static Task<List<long>> ProfiledAsync(CrmDbContext db, long first, long last, ScoringPeriods periods, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Id >= first && c.Id <= last).MayBeProfiled(db, periods.ConsentAt)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The RFM values of consecutive customers; those without a transaction in the window count with zero.</summary>
    private static async Task<IEnumerable<CustomerSignals>> RfmAsync(CrmDbContext db, List<long> ids, ScoringPeriods periods, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rfm = await SignalLoader.AggregateAsync(db, SignalSql.Rfm, ids[0] - 1, ids[^1], periods, SignalRows.Read, cancellationToken);
        return ids.Select(id => SignalRows.Rfm(id, rfm.GetValueOrDefault(id)));
    }
}
