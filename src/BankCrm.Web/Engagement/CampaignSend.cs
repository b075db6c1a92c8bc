using BankCrm.Data.Engagement.Campaigns;
using Quartz;

namespace BankCrm.Web.Engagement;

/// <summary>
/// The campaign-send job on the app's scheduler (<see cref="Hosting.JobScheduler"/>): every 30 seconds it starts
/// approved campaigns whose time has come and carries on unfinished sends. It never runs twice at once in a
/// cluster, and a run cut off by a dead node is run again by a live one (RequestRecovery); the launcher resumes from
/// its last committed batch, and the outbox keys keep every member to one message whatever happens.
/// </summary>
public static class CampaignSend
{
    public static readonly JobKey Key = new("campaign-send", "engagement");

    public static void AddJob(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Campaigns:SendEverySeconds", 30);
        quartz.AddJob<CampaignSendJob>(job => job.WithIdentity(Key).StoreDurably().RequestRecovery());
        quartz.AddTrigger(trigger => trigger.ForJob(Key).WithIdentity("campaign-send-every", "engagement")
            .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromSeconds(seconds)).RepeatForever()));
    }
}

[DisallowConcurrentExecution]
internal sealed class CampaignSendJob(CampaignLauncher launcher, ILogger<CampaignSendJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var enqueued = await launcher.RunDueAsync(cancellationToken);
        if (enqueued > 0)
        {
            logger.LogInformation("Campaign send: {Enqueued} messages enqueued", enqueued);
        }
    }
}
