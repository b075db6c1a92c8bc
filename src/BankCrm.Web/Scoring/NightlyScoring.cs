using BankCrm.Core.Common;
using BankCrm.Data.Scoring;
using Quartz;

namespace BankCrm.Web.Scoring;

/// <summary>
/// The nightly scoring run (Quartz.NET): <c>Scoring:Cron</c>, default 02:00 China time, switched off with
/// <c>Scoring:Nightly=false</c>. In-memory job store on purpose (docs/decisions/0005-nightly-scoring-job-store.md):
/// the run's state lives in scoring_runs, a run is restartable and idempotent per date, and on PostgreSQL an
/// advisory lock lets only one instance of a cluster score at a time.
/// </summary>
public static class NightlyScoring
{
    public const string DefaultCron = "0 0 2 * * ?";

    private static readonly JobKey Key = new("nightly-scoring", "scoring");

    public static IServiceCollection AddNightlyScoring(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Scoring:Nightly", defaultValue: true))
        {
            return services;
        }

        var cron = configuration["Scoring:Cron"] is { Length: > 0 } configured ? configured : DefaultCron;
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<NightlyScoringJob>(job => job.WithIdentity(Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(Key).WithIdentity("nightly-scoring-cron", "scoring")
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(ChinaTimeZone())));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        return services;
    }

    /// <summary>China Standard Time has no daylight saving, so a fixed +8 zone is exact and needs no tz database.</summary>
    private static TimeZoneInfo ChinaTimeZone() =>
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time (BankCrm)", ChinaTime.Offset, "China Standard Time", "CST");
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
