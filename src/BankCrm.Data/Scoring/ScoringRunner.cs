using System.Runtime.CompilerServices;
using BankCrm.Core.Consent;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
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
/// The scoring run: every customer who may be profiled (<see cref="ProfilingScope"/>), in id order, in batches; each batch's scores, needs and the run's progress
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
                await ForgetWithdrawnDuringRunAsync(run, cancellationToken);
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
        var total = await db.Customers.MayBeProfiled(db, time.GetUtcNow().UtcDateTime).CountAsync(cancellationToken);
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

    /// <summary>
    /// A customer who withdrew profiling consent while the run was under way may have been read before: what the run
    /// stored about them goes now, as the withdrawal took everything else (<see cref="ConsentStore"/>).
    /// </summary>
    private async Task ForgetWithdrawnDuringRunAsync(ScoringRun run, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var withdrawn = await db.ConsentRecords
            .Where(r => r.Purpose == ConsentPurpose.Profiling && !r.Granted && r.RecordedAt >= run.StartedAt)
            .Select(r => r.CustomerId).Distinct().ToListAsync(cancellationToken);
        if (withdrawn.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ProfilingRows.DeleteAsync(db, withdrawn, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        var periods = new ScoringPeriods(run.RunDate, settings, time.GetUtcNow().UtcDateTime);
        // The churn scorer is scoped (it reads through its own DbContext); one scope serves the whole run.
        await using var scope = services.CreateAsyncScope();
        var churn = scope.ServiceProvider.GetService<IChurnScorer>();
        DateOnly? previousDate;
        DatabaseProvider provider;
        await using (var db = factory.CreateDbContext())
        {
            provider = db.Provider;
            previousDate = await db.ScoringRuns.Where(r => r.RunDate < run.RunDate && r.Status == ScoringRunStatus.Completed)
                .MaxAsync(r => (DateOnly?)r.RunDate, cancellationToken);
        }

        progress?.Report(new ScoringProgress(run.RunDate, run.CustomersScored, run.CustomersTotal));

        // PostgreSQL: one pass over each table for the whole run, merged in id order, while earlier batches are
        // written on connections of their own (two at a time, committed in id order). SQLite has one writer and
        // readers would hold it off, so there a batch is read with range queries and written before the next is read.
        // With a churn model, the streams also gather the model's inputs; a scorer that cannot take them (or SQLite)
        // computes them per batch.
        var overlap = provider == DatabaseProvider.Postgres;
        var streamChurn = overlap && churn is IChurnFeatureScorer withFeatures && await withFeatures.HasModelAsync(cancellationToken);
        ISignalSource source = overlap
            ? new StreamedSignals(factory, periods, previousDate, settings.BatchSize, streamChurn)
            : new BatchedSignals(factory, periods, previousDate, settings.BatchSize);
        // The quintile sample is read while the first batch is: only scoring needs the thresholds.
        var sampling = ThresholdsAsync(periods, cancellationToken);
        var writer = new OrderedBatchWriter(factory, run, progress, overlap ? 2 : 1);
        try
        {
            await foreach (var batch in source.ReadAsync(run.LastCustomerId, cancellationToken))
            {
                var result = await ScoreBatchAsync(run.RunDate, batch, await sampling, churn, cancellationToken);
                await writer.AddAsync(result, cancellationToken);
                if (!overlap)
                {
                    await writer.DrainAsync();
                }
            }

            await writer.DrainAsync();
        }
        catch
        {
            await writer.AbandonAsync();
            throw;
        }
        finally
        {
            // Not awaited when the source failed first (or had nothing to read): its outcome no longer matters, but it must end.
            await sampling.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<RfmThresholds> ThresholdsAsync(ScoringPeriods periods, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await QuintileSample.ThresholdsAsync(db, periods, settings.QuintileSampleSize, cancellationToken);
    }

    private async Task<ScoredBatch> ScoreBatchAsync(DateOnly runDate, SignalBatch batch, RfmThresholds thresholds, IChurnScorer? churn, CancellationToken cancellationToken)
    {
        var predictions = (churn, batch.Churn) switch
        {
            (null, _) => null,
            (IChurnFeatureScorer scorer, { } features) => await scorer.ScoreAsync(features, cancellationToken),
            _ => await churn.ScoreAsync([.. batch.Signals.Select(s => s.CustomerId)], runDate, cancellationToken),
        };
        return Score(runDate, batch, thresholds, predictions);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ScoredBatch Score(DateOnly runDate, SignalBatch batch, RfmThresholds thresholds, IReadOnlyDictionary<long, ChurnPrediction>? predictions)
    {
        var scores = new List<CustomerScore>(batch.Signals.Count);
        var needs = new List<CustomerNeed>();
        foreach (var s in batch.Signals)
        {
            var prediction = predictions?.GetValueOrDefault(s.CustomerId);
            var churnInput = prediction is null ? null : new ChurnInput(prediction.Probability, prediction.ModelVersion, prediction.Factors);
            var (score, detected) = ScoreCalculator.Calculate(s, runDate, thresholds, settings, batch.Previous.GetValueOrDefault(s.CustomerId), churnInput);
            scores.Add(score);
            foreach (var need in detected)
            {
                needs.Add(new CustomerNeed { RunDate = runDate, CustomerId = s.CustomerId, NeedCode = need.Code, Evidence = need.Evidence });
            }
        }

        return new ScoredBatch(batch.LastCustomerId, scores, needs);
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
