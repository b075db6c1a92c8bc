using BankCrm.Data.Engagement.Outreach;
using Quartz;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>
/// The outbox dispatcher on the app's scheduler (<c>outbox-dispatch</c>, every <c>Outreach:DispatchSeconds</c>,
/// default 15). On a PostgreSQL cluster each firing runs on one node; the dispatcher's leases keep even overlapping
/// runs (a recovered firing, a second process) from sending a message twice.
/// A run cut off by a dead node is run again (RequestRecovery), which is safe: the run resumes from the outbox table.
/// Fires missed while every node was down are not made up one by one (the simple trigger's default): the next run
/// sends everything due.
/// </summary>
public static class OutboxDispatch
{
    public static readonly JobKey Key = new("outbox-dispatch", "engagement");

    public static void AddJob(IQuartzBuilder quartz, IConfiguration configuration)
    {
        if (!configuration.GetValue("Outreach:Dispatch", defaultValue: true))
        {
            return;
        }

        var seconds = configuration.GetValue("Outreach:DispatchSeconds", 15);
        quartz.AddJob<OutboxDispatchJob>(job => job.WithIdentity(Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(Key).WithIdentity("outbox-dispatch-interval", "engagement").StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()));
    }

    /// <summary>This process, as lease owners name it: host and process id.</summary>
    public static string NodeName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}

[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(time.GetUtcNow().UtcDateTime, OutboxDispatch.NodeName, cancellationToken);
}
