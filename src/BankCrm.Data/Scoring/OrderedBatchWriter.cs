using BankCrm.Core.Segmentation;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Writes the scored batches of a run in id order. A batch's rows and the run's progress commit in one
/// transaction. Up to <paramref name="concurrency"/> batches are written at once on connections of their own (on
/// PostgreSQL the inserts and their foreign-key checks are much of the server's work), but a batch commits only
/// after the one before it did: the progress row always names the last customer whose scores are committed, and
/// a batch whose predecessor failed never commits, so a run killed at any point resumes with no gap and no double.
/// </summary>
internal sealed class OrderedBatchWriter(CrmDbContextFactory factory, ScoringRun run, IProgress<ScoringProgress>? progress, int concurrency)
{
    private readonly Queue<Task> inFlight = new();
    private Task? last;
    private int scored = run.CustomersScored;

    /// <summary>Starts writing the batch, once fewer than <c>concurrency</c> writes are under way.</summary>
    public async Task AddAsync(ScoredBatch batch, CancellationToken cancellationToken)
    {
        if (inFlight.Count == concurrency)
        {
            await inFlight.Dequeue();
            cancellationToken.ThrowIfCancellationRequested();
        }

        scored += batch.Scores.Count;
        last = WriteAsync(batch, scored, last, cancellationToken);
        inFlight.Enqueue(last);
    }

    /// <summary>Waits for every write under way; fails with the first failure.</summary>
    public async Task DrainAsync()
    {
        while (inFlight.TryDequeue(out var write))
        {
            await write;
        }
    }

    /// <summary>After a failure elsewhere: waits for the writes under way (none commits after a failed one), ignoring their outcome.</summary>
    public async Task AbandonAsync()
    {
        while (inFlight.TryDequeue(out var write))
        {
            await write.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task WriteAsync(ScoredBatch batch, int scoredAfter, Task? previous, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // The batch and the progress row commit together: after a server crash both are lost or both kept,
                // and the run resumes after the last batch that survived. No need to wait for the disk.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", cancellationToken);
            }

            await ScoreWriter.WriteAsync(db, batch.Scores, batch.Needs, cancellationToken);
            if (previous is not null)
            {
                await previous;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await db.ScoringRuns.Where(r => r.RunDate == run.RunDate)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.LastCustomerId, batch.LastCustomerId).SetProperty(r => r.CustomersScored, scoredAfter), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        progress?.Report(new ScoringProgress(run.RunDate, scoredAfter, Math.Max(scoredAfter, run.CustomersTotal)));
    }
}

internal sealed record ScoredBatch(long LastCustomerId, List<CustomerScore> Scores, List<CustomerNeed> Needs);
