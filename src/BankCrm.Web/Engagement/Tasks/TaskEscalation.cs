using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Hosting;
using Quartz;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>
/// The overdue-task escalation on the app's scheduler (<see cref="JobScheduler"/>): every <c>Tasks:EscalationMinutes</c>
/// (default 15), switched off with <c>Tasks:Escalation=false</c>. Firings missed while every node was down are not made
/// up one by one (the smart misfire policy of a repeating trigger reschedules the next); the next sweep covers
/// everything overdue anyway, and escalates each task once.
/// </summary>
public static class TaskEscalation
{
    public const int DefaultMinutes = 15;

    private static readonly JobKey Key = new("task-escalation", "tasks");

    public static void AddJob(IQuartzBuilder quartz, IConfiguration configuration)
    {
        if (!configuration.GetValue("Tasks:Escalation", defaultValue: true))
        {
            return;
        }

        var minutes = Math.Max(1, configuration.GetValue("Tasks:EscalationMinutes", DefaultMinutes));
        quartz.AddJob<TaskEscalationJob>(job => job.WithIdentity(Key).StoreDurably());
        // The first sweep one interval after start, not while the node is still starting up.
        quartz.AddTrigger(trigger => trigger.ForJob(Key).WithIdentity("task-escalation-every", "tasks")
            .StartAt(TimeProvider.System.GetUtcNow().AddMinutes(minutes))
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromMinutes(minutes)).RepeatForever()));
    }
}

[DisallowConcurrentExecution]
internal sealed class TaskEscalationJob(TaskEscalationSweep sweep, OverdueEscalation rule, ILogger<TaskEscalationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var escalated = await sweep.RunAsync(rule, cancellationToken);
        if (escalated > 0)
        {
            logger.LogInformation("Escalated {Count} overdue tasks to their branch managers", escalated);
        }
    }
}
