using BankCrm.Data.Database;
using Quartz;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The one Quartz.NET scheduler of the app, on the persistent job store in the app's own database (Quartz creates its
/// <c>qrtz_</c> tables on first start). On PostgreSQL the store is clustered: several app nodes share the schedule,
/// each firing runs on one node only, and a job that requests recovery and was cut off by a dead node is run again by
/// a live one. SQLite is the single-node embedded install (docs/decisions/0006-persistent-clustered-scheduler.md).
/// Stored triggers use UTC, the one zone every machine resolves (docs/decisions/0008-schedules-stored-in-utc.md).
/// </summary>
/// <remarks>
/// Modules add their jobs through <see cref="AddJobScheduler"/>. <c>Scheduler:Enabled=false</c> starts no scheduler
/// (tests call the jobs' services directly, at a time of their choosing).
/// </remarks>
public static class JobScheduler
{
    public const string TablePrefix = "qrtz_";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Scheduler:Enabled", defaultValue: true);

    public static IServiceCollection AddJobScheduler(this IServiceCollection services, IConfiguration configuration, params Action<IQuartzBuilder, IConfiguration>[] jobs)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var (provider, connectionString) = DataModule.ReadConnection(configuration);
        services.AddQuartz(quartz =>
        {
            if (configuration["Scheduler:InstanceId"] is { Length: > 0 } instanceId)
            {
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceId = instanceId);
            }

            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options => options.TablePrefix = TablePrefix);
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.ProvisionSchema();

                // An embedded SQLite file serves one node (Quartz refuses to cluster over it); PostgreSQL serves many.
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinSeconds", 10)));
                }
            });

            foreach (var add in jobs)
            {
                add(quartz, configuration);
            }
        });

        // Registered before Quartz's hosted service, so it runs before the scheduler first reads its store.
        services.AddHostedService<StoredTriggerRepair>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = false);
        return services;
    }
}
