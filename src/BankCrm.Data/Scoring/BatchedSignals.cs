using System.Runtime.CompilerServices;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Signals read batch by batch with range queries over the batch's ids (<see cref="SignalLoader"/>). SQLite's
/// path: one connection at a time, so the run writes a batch before it reads the next.
/// </summary>
internal sealed class BatchedSignals(CrmDbContextFactory factory, ScoringPeriods periods, DateOnly? previousDate, int batchSize) : ISignalSource
{
    public async IAsyncEnumerable<SignalBatch> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadBatchAsync(after, cancellationToken) is { } batch)
        {
            yield return batch;
            after = batch.LastCustomerId;
        }
    }

    private async Task<SignalBatch?> ReadBatchAsync(long after, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var ids = await SignalLoader.NextIdsAsync(db, after, batchSize, periods, cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var (from, to) = (after, ids[^1]);
        var signals = await SignalLoader.LoadAsync(db, from, to, periods, cancellationToken);
        var previous = previousDate is { } date
            ? await db.CustomerScores.AsNoTracking().Where(s => s.RunDate == date && s.CustomerId > from && s.CustomerId <= to)
                .ToDictionaryAsync(s => s.CustomerId, s => new PreviousScore(s.LifecycleStage, s.StageSince), cancellationToken)
            : [];
        return new SignalBatch(to, signals, previous);
    }
}
