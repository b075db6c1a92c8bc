using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Scoring;

namespace BankCrm.Web.Scoring;

/// <summary>
/// Starts scoring runs in the background for the admin page and the API, so the request returns at once and the
/// page can show progress; the run goes on when the user leaves. Stopped with the host.
/// </summary>
public sealed class ScoringJobs(ScoringRunner runner, AuditTrail audit, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ScoringJobs> logger)
{
    private volatile ScoringProgress? current;

    /// <summary>Progress of the run under way in this process, if any.</summary>
    public ScoringProgress? Current => runner.IsBusy ? current : null;

    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>False when a run is already under way.</summary>
    public async Task<bool> StartAsync(Actor actor, DateOnly runDate, bool force, CancellationToken cancellationToken)
    {
        if (runner.IsBusy)
        {
            return false;
        }

        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.ScoringRunStarted) with { Detail = AuditDetail.Of(new { runDate, force }) }, cancellationToken);
        current = new ScoringProgress(runDate, 0, 0);
        _ = Task.Run(() => RunAsync(runDate, force, actor.UserName), CancellationToken.None);
        return true;
    }

    private async Task RunAsync(DateOnly runDate, bool force, string startedBy)
    {
        try
        {
            var progress = new Progress<ScoringProgress>(p => current = p);
            var outcome = await runner.RunAsync(runDate, force, startedBy, progress, lifetime.ApplicationStopping);
            logger.LogInformation("Scoring run {RunDate} by {User}: {Outcome}", runDate, startedBy, outcome);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Scoring run {RunDate} stopped with the host; the next run resumes it", runDate);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Scoring run {RunDate} failed", runDate);
        }
    }
}
