using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Data.Protection;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>On start: apply migrations, and on a fresh database in demo mode fill it with the demo bank.</summary>
internal static class DatabaseStartup
{
    /// <summary>Returns true when it generated the demo bank (the database was empty).</summary>
    public static async Task<bool> PrepareAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<CrmDbContextFactory>();
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            await EncryptLeftoverPlaintextAsync(factory, logger, cancellationToken);
            await StarterTags.EnsureAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
            await ShippedPlaybooks.EnsureAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
            if (await db.Customers.AnyAsync(cancellationToken) || !configuration.GetValue("Demo:Enabled", true))
            {
                return false;
            }
        }

        var options = new DemoBankOptions
        {
            Customers = configuration.GetValue("Demo:Customers", 10_000),
            Seed = configuration.GetValue("Demo:Seed", DemoBankOptions.DefaultSeed),
        };
        logger.LogInformation("Empty database: generating the demo bank ({Customers} customers, seed {Seed})", options.Customers, options.Seed);
        var progress = new Progress<string>(message => logger.LogInformation("{Progress}", message));
        await DemoBankSeeder.SeedAsync(factory, options, services.GetRequiredService<TimeProvider>(), progress, cancellationToken);
        await using (var db = factory.CreateDbContext())
        {
            // The service-priority list of rm1 and rm2 is not empty on first run (docs/tasks-and-interactions.md).
            await DemoTasks.SeedAsync(db, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
        }

        // A fresh demo bank shows its tags at once instead of after the first nightly run.
        await services.GetRequiredService<ITagRefresher>().RefreshAllAsync(ChinaTime.Today(services.GetRequiredService<TimeProvider>()), cancellationToken);
        return true;
    }

    /// <summary>A migration cannot encrypt (it has no keys): rows written before encryption existed are encrypted here.</summary>
    private static async Task EncryptLeftoverPlaintextAsync(CrmDbContextFactory factory, ILogger logger, CancellationToken cancellationToken)
    {
        var progress = new Progress<string>(message => logger.LogInformation("{Progress}", message));
        var rows = await ProtectedColumnSweep.EncryptPlaintextAsync(factory, progress, cancellationToken);
        if (rows > 0)
        {
            logger.LogWarning("Encrypted {Rows} values that were stored in plaintext", rows);
        }
    }
}
