using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Scoring.Churn;
using BankCrm.Data.Tests.DemoBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.Scoring.Churn;

/// <summary>A small generated demo bank (3,000 customers, about 270 future churners) in a database of its own, with the churn services.</summary>
public abstract class ChurnDemoBank : IAsyncLifetime
{

    public FakeTimeProvider Time { get; } = new(GeneratedBank.Now);

    public DateOnly Today => Core.Common.ChinaTime.Today(Time);

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var factory = new CrmDbContextFactory(Database());
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
        await DropAsync();
    }

    protected abstract DatabaseOptions Database();

    protected abstract Task DropAsync();
}

public sealed class ChurnDemoBankOnSqlite : ChurnDemoBank
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("bankcrm-churn-");

    protected override DatabaseOptions Database() =>
        new() { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "bankcrm.db")};Pooling=false" };

    protected override Task DropAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class ChurnDemoBankOnPostgres : ChurnDemoBank
{
    private readonly string connectionString = TestPostgres.NewDatabase("bankcrm_t_churn");

    protected override DatabaseOptions Database() => new() { Provider = DatabaseProvider.Postgres, Protector = TestKeys.Protector, ConnectionString = connectionString };

    protected override Task DropAsync() => TestPostgres.DropAsync(connectionString);
}
