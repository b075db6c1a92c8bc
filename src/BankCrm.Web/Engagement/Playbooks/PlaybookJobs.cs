using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Web.Hosting;
using Quartz;

namespace BankCrm.Web.Engagement.Playbooks;

/// <summary>
/// The two playbook jobs on the app's scheduler (<see cref="JobScheduler"/>): trigger evaluation every
/// <c>Playbooks:TriggerSeconds</c> (300) and step execution every <c>Playbooks:StepSeconds</c> (30). Both are
/// DisallowConcurrentExecution and RequestRecovery on the clustered store, and both are idempotent and resume from
/// their tables, so a firing cut off by a dead node is simply run again. <c>Playbooks:Jobs=false</c> leaves them out.
/// </summary>
public static class PlaybookJobs
{
    private static readonly JobKey Triggers = new("playbook-triggers", "playbooks");
    private static readonly JobKey Steps = new("playbook-steps", "playbooks");

    public static void AddJobs(IQuartzBuilder quartz, IConfiguration configuration)
    {
        if (!configuration.GetValue("Playbooks:Jobs", defaultValue: true))
        {
            return;
        }

        Add<PlaybookTriggerJob>(quartz, Triggers, configuration.GetValue("Playbooks:TriggerSeconds", 300));
        Add<PlaybookStepJob>(quartz, Steps, configuration.GetValue("Playbooks:StepSeconds", 30));
    }

    private static void Add<TJob>(IQuartzBuilder quartz, JobKey key, int seconds)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(key.Name + "-every", key.Group)
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}

[DisallowConcurrentExecution]
internal sealed class PlaybookTriggerJob(TriggerEvaluator evaluator, TimeProvider time, ILogger<PlaybookTriggerJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcomes = await evaluator.EvaluateAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        foreach (var outcome in outcomes.Where(o => o.Enrolled > 0))
        {
            logger.LogInformation("Playbook {Code}: {Enrolled} customers enrolled in {Seconds:N1} s", outcome.Code, outcome.Enrolled, outcome.Elapsed.TotalSeconds);
        }
    }
}

[DisallowConcurrentExecution]
internal sealed class PlaybookStepJob(StepRunner runner, TimeProvider time, ILogger<PlaybookStepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var executed = await runner.RunDueAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        if (executed > 0)
        {
            logger.LogInformation("Playbook steps executed: {Executed}", executed);
        }
    }
}
