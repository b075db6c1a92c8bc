using System.Data.Common;
using BankCrm.Data.Database;
using BankCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>The one scheduler of the app keeps its schedule in the app's database and takes part in a cluster.</summary>
public abstract class JobSchedulerTests(BankCrmApp app)
{
    private readonly BankCrmApp app = app;

    [Fact]
    public async Task The_scheduler_creates_its_tables_and_stores_the_nightly_scoring_and_task_escalation_triggers_in_the_database()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var metadata = await scheduler.GetMetadata();
        Assert.NotNull(metadata.RunningSince);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(app.Provider == DatabaseProvider.Postgres, metadata.JobStoreClustered);
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM {JobScheduler.TablePrefix}triggers WHERE trigger_name = 'nightly-scoring-cron'"));
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM {JobScheduler.TablePrefix}triggers WHERE trigger_name = 'task-escalation-every'"));
    }

    [Fact]
    public async Task The_outbox_dispatch_job_is_stored_with_recovery_and_its_trigger_repeats_every_fifteen_seconds()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(Web.Engagement.Outreach.OutboxDispatch.Key);
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(Web.Engagement.Outreach.OutboxDispatch.Key)));

        Assert.NotNull(job);
        Assert.True(job.RequestsRecovery);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.Equal(TimeSpan.FromSeconds(15), trigger.RepeatInterval);
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SchedulingSqliteApp : SqliteApp
{
    protected override bool SchedulerEnabled => true;
}

public sealed class SchedulingPostgresApp : PostgresApp
{
    protected override bool SchedulerEnabled => true;
}

public sealed class JobSchedulerTestsOnSqlite(SchedulingSqliteApp app) : JobSchedulerTests(app), IClassFixture<SchedulingSqliteApp>;

/// <summary>SQLite is the single-node embedded install (Quartz does not cluster over a file); PostgreSQL clusters.</summary>
public sealed class JobSchedulerTestsOnPostgres(SchedulingPostgresApp app) : JobSchedulerTests(app), IClassFixture<SchedulingPostgresApp>
{
    [Fact]
    public async Task The_node_checks_in_with_the_cluster()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var instanceId = await scheduler.GetSchedulerInstanceId();

        // The hosted service starts the scheduler after the application has started (Quartz's AwaitApplicationStarted),
        // scheduling the modules' jobs first; the first check-in is written when it starts. A test that runs right after
        // the host started can ask before that, so it waits up to one check-in interval and a half.
        var instances = 0L;
        for (var waited = TimeSpan.Zero; instances == 0 && waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(250))
        {
            instances = await ScalarAsync($"SELECT count(*) FROM {JobScheduler.TablePrefix}scheduler_state WHERE instance_name = '{instanceId}'");
            if (instances == 0)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(1L, instances);
    }
}
