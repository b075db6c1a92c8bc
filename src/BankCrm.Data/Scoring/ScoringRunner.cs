using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring.Churn;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Scoring;

public sealed record ScoringProgress(DateOnly RunDate, int Scored, int Total);

public enum ScoringOutcome
{
    Completed = 1,

    /// <summary>The date was already scored; nothing was done (pass force to redo it).</summary>
    AlreadyCompleted = 2,

    /// <summary>Another run is under way in this process or, on PostgreSQL, on another instance.</summary>
    Busy = 3,
}

/// <summary>
/// The scoring run: every customer, in id order, in batches; each batch's scores, needs and the run's progress
/// commit in one transaction, so a run killed at any point resumes after the last committed customer and never
/// stores a customer twice for the same date.
/// </summary>
public sealed class ScoringRunner(CrmDbContextFactory factory, ScoringSettings settings, TimeProvider time, IServiceProvider services)
{
    // One run at a time: the button, the API and the nightly job share the app's one runner; other processes
    // (the CLI, other instances) are kept out by the PostgreSQL advisory lock.
    private readonly SemaphoreSlim gate = new(1, 1);

    public bool IsBusy => gate.CurrentCount == 0;

    public async Task<ScoringOutcome> RunAsync(DateOnly runDate, bool force, string startedBy, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            return ScoringOutcome.Busy;
        }

        try
        {
            await using var cluster = await ClusterLock.TryAcquireAsync(factory, cancellationToken);
            if (cluster is null)
            {
                return ScoringOutcome.Busy;
            }

            var run = await StartAsync(runDate, force, startedBy, cancellationToken);
            if (run is null)
            {
                return ScoringOutcome.AlreadyCompleted;
            }

            try
            {
                await ScoreAllAsync(run, progress, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                await FinishAsync(runDate, ScoringRunStatus.Failed, failure.Message, CancellationToken.None);
                throw;
            }

            await FinishAsync(runDate, ScoringRunStatus.Completed, error: null, cancellationToken);
            await RefreshTagsAsync(runDate, cancellationToken);
            return ScoringOutcome.Completed;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The run row to work on: a new one, the unfinished one to resume, or null when the date is done.</summary>
    private async Task<ScoringRun?> StartAsync(DateOnly runDate, bool force, string startedBy, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.ScoringRuns.FirstOrDefaultAsync(r => r.RunDate == runDate, cancellationToken);
        if (run?.Status == ScoringRunStatus.Completed && !force)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var total = await db.Customers.CountAsync(cancellationToken);
        if (run is null || force)
        {
            await db.CustomerNeeds.Where(n => n.RunDate == runDate).ExecuteDeleteAsync(cancellationToken);
            await db.CustomerScores.Where(s => s.RunDate == runDate).ExecuteDeleteAsync(cancellationToken);
            run ??= db.ScoringRuns.Add(new ScoringRun { RunDate = runDate }).Entity;
            run.LastCustomerId = 0;
            run.CustomersScored = 0;
            run.StartedAt = time.GetUtcNow().UtcDateTime;
        }

        run.Status = ScoringRunStatus.Running;
        run.StartedBy = startedBy;
        run.FinishedAt = null;
        run.Error = null;
        run.CustomersTotal = total;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>Tags whose rules read scores, classes or needs follow the new run at once instead of waiting a night.</summary>
    private async Task RefreshTagsAsync(DateOnly runDate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ITagRefresher>() is { } tags)
        {
            await tags.RefreshAllAsync(runDate, cancellationToken);
        }
    }

    private async Task ScoreAllAsync(ScoringRun run, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        var periods = new ScoringPeriods(run.RunDate, settings);
        // The churn scorer is scoped (it reads through its own DbContext); one scope serves the whole run.
        await using var scope = services.CreateAsyncScope();
        var churn = scope.ServiceProvider.GetService<IChurnScorer>();
        DateOnly? previousDate;
        RfmThresholds thresholds;
        DatabaseProvider provider;
        await using (var db = factory.CreateDbContext())
        {
            provider = db.Provider;
            previousDate = await db.ScoringRuns.Where(r => r.RunDate < run.RunDate && r.Status == ScoringRunStatus.Completed)
                .MaxAsync(r => (DateOnly?)r.RunDate, cancellationToken);
            thresholds = await QuintileSample.ThresholdsAsync(db, periods, settings.QuintileSampleSize, cancellationToken);
        }

        var last = run.LastCustomerId;
        var scored = run.CustomersScored;
        progress?.Report(new ScoringProgress(run.RunDate, scored, run.CustomersTotal));

        // Reading batch n+1 overlaps writing batch n (its own connection and transaction): PostgreSQL aggregates
        // the next range while it stores the previous one. Writes stay in id order, one at a time, so the
        // progress row still names the last customer whose scores are committed. SQLite has one writer and
        // readers would hold it off, so there a batch is written before the next is read.
        var overlap = provider == DatabaseProvider.Postgres;
        Task? writing = null;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = await ReadBatchAsync(run.RunDate, last, periods, thresholds, previousDate, churn, cancellationToken);
                if (batch is null)
                {
                    break;
                }

                if (writing is not null)
                {
                    await writing;
                    writing = null;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                scored += batch.Scores.Count;
                writing = WriteBatchAsync(run, batch, scored, progress, cancellationToken);
                last = batch.LastCustomerId;
                if (!overlap)
                {
                    await writing;
                    writing = null;
                }
            }
        }
        finally
        {
            if (writing is not null)
            {
                await writing;
            }
        }
    }

    private sealed record ScoredBatch(long LastCustomerId, List<CustomerScore> Scores, List<CustomerNeed> Needs);

    private async Task<ScoredBatch?> ReadBatchAsync(
        DateOnly runDate, long last, ScoringPeriods periods, RfmThresholds thresholds, DateOnly? previousDate, IChurnScorer? churn, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var ids = await SignalLoader.NextIdsAsync(db, last, settings.BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        var (from, to) = (last, ids[^1]);
        var signals = await SignalLoader.LoadAsync(db, from, to, periods, cancellationToken);
        var previous = previousDate is { } date
            ? await db.CustomerScores.AsNoTracking().Where(s => s.RunDate == date && s.CustomerId > from && s.CustomerId <= to)
                .ToDictionaryAsync(s => s.CustomerId, s => new PreviousScore(s.LifecycleStage, s.StageSince), cancellationToken)
            : [];
        var predictions = churn is null ? null : await churn.ScoreAsync(ids, runDate, cancellationToken);

        var scores = new List<CustomerScore>(signals.Count);
        var needs = new List<CustomerNeed>();
        foreach (var s in signals)
        {
            var prediction = predictions?.GetValueOrDefault(s.CustomerId);
            var churnInput = prediction is null ? null : new ChurnInput(prediction.Probability, prediction.ModelVersion, prediction.Factors);
            var (score, detected) = ScoreCalculator.Calculate(s, runDate, thresholds, settings, previous.GetValueOrDefault(s.CustomerId), churnInput);
            scores.Add(score);
            needs.AddRange(detected.Select(n => new CustomerNeed { RunDate = runDate, CustomerId = s.CustomerId, NeedCode = n.Code, Evidence = n.Evidence }));
        }

        return new ScoredBatch(to, scores, needs);
    }

    /// <summary>The batch's rows and the run's progress commit together: after a crash the run resumes after the batch.</summary>
    private async Task WriteBatchAsync(ScoringRun run, ScoredBatch batch, int scored, IProgress<ScoringProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await ScoreWriter.WriteAsync(db, batch.Scores, batch.Needs, cancellationToken);
            await db.ScoringRuns.Where(r => r.RunDate == run.RunDate)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.LastCustomerId, batch.LastCustomerId).SetProperty(r => r.CustomersScored, scored), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        progress?.Report(new ScoringProgress(run.RunDate, scored, Math.Max(scored, run.CustomersTotal)));
    }

    private async Task FinishAsync(DateOnly runDate, ScoringRunStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        var message = error is null ? null : error[..Math.Min(error.Length, 2000)];
        await db.ScoringRuns.Where(r => r.RunDate == runDate)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, message), cancellationToken);
    }
}
