using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Fixes the RFM quintile cut points before the batches: over every customer when the bank is no bigger than the
/// sample, otherwise over ten evenly spaced slices of consecutive ids (range scans, like the batches), which
/// follow the whole population's distribution closely because ids carry no meaning.
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
            population.AddRange(await SignalLoader.LoadAsync(db, 0, long.MaxValue, periods, cancellationToken));
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
                    population.AddRange(await SignalLoader.LoadAsync(db, ids[0] - 1, ids[^1], periods, cancellationToken));
                }
            }
        }

        return RfmThresholds.From(population, periods.RunDate);
    }
}
