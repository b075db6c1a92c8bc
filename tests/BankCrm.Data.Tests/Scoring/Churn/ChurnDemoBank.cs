using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Scoring.Churn;
using BankCrm.Data.Tests.DemoBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.Scoring.Churn;

/// <summary>A small generated demo bank (3,000 customers, about 270 future churners) in a temporary SQLite file, with the churn services.</summary>
public sealed class ChurnDemoBank : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("bankcrm-churn-");

    public FakeTimeProvider Time { get; } = new(GeneratedBank.Now);

    public DateOnly Today => Core.Common.ChinaTime.Today(Time);

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "bankcrm.db")};Pooling=false" };
        var factory = new CrmDbContextFactory(options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await DemoBankSeeder.SeedAsync(factory, new DemoBankOptions { Customers = 3_000, Seed = 11 }, Time, null, CancellationToken.None);
        Services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(factory)
            .AddScoped(sp => sp.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
            .AddChurnScoring()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
