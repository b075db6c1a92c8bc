using BankCrm.Core.Common;
using BankCrm.Data.Scoring;
using BankCrm.Web.Hosting;
using Quartz;

namespace BankCrm.Web.Scoring;

/// <summary>
/// The nightly scoring run on the app's scheduler (<see cref="JobScheduler"/>): <c>Scoring:Cron</c>, default 02:00
/// China time (stored in UTC, docs/decisions/0008-schedules-stored-in-utc.md), switched off with <c>Scoring:Nightly=false</c>. The store is persistent and clustered, so one node of
/// a cluster fires it, and a night missed while every node was down is run once when the first node starts (the
/// cron trigger's smart misfire policy). The
/// run itself is restartable and idempotent per date (scoring_runs), and on PostgreSQL an advisory lock also keeps
/// out the command-line <c>score</c> verb.
/// </summary>
public static class NightlyScoring
{
    public const string DefaultCron = "0 0 2 * * ?";

    private static readonly JobKey Key = new("nightly-scoring", "scoring");

    public static void AddJob(IQuartzBuilder quartz, IConfiguration configuration)
    {
        if (!configuration.GetValue("Scoring:Nightly", defaultValue: true))
        {
            return;
        }

        var cron = configuration["Scoring:Cron"] is { Length: > 0 } configured ? configured : DefaultCron;
        quartz.AddJob<NightlyScoringJob>(job => job.WithIdentity(Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(Key).WithIdentity("nightly-scoring-cron", "scoring")
            .WithCronSchedule(ChinaCron.ToUtc(cron, "Scoring:Cron"), schedule => schedule.InTimeZone(TimeZoneInfo.Utc)));
    }
}

[DisallowConcurrentExecution]
internal sealed class NightlyScoringJob(ScoringRunner runner, TimeProvider time, ILogger<NightlyScoringJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runDate = ChinaTime.Today(time);
        var outcome = await runner.RunAsync(runDate, force: false, "nightly", progress: null, cancellationToken);
        logger.LogInformation("Nightly scoring run {RunDate}: {Outcome}", runDate, outcome);
    }
}
