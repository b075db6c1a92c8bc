using BankCrm.Core.Holdings;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.DemoBank.Generation;
using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.DemoBank;

public sealed class DemoBankSeederTests
{
    private static readonly DemoBankOptions Options = new() { Customers = 1_200, Seed = 7 };

    [Fact]
    public async Task SeedAsync_WhenSqliteFileIsEmpty_LoadsEveryGeneratedRow()
    {
        var folder = Directory.CreateTempSubdirectory("bankcrm-seed-");
        try
        {
            var factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "bankcrm.db")};Pooling=false" });
            await SeedAndVerifyAsync(factory);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SeedAsync_WhenPostgresDatabaseIsEmpty_LoadsEveryGeneratedRowAndRebuildsIndexes()
    {
        var factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Postgres, Protector = TestKeys.Protector, ConnectionString = TestPostgres.NewDatabase("bankcrm_t_seed") });
        try
        {
            await SeedAndVerifyAsync(factory);
            await using var db = factory.CreateDbContext();
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('transactions', 'app_events')").ToListAsync();
            Assert.Contains("ix_transactions_customer_id_occurred_at", indexes);
            Assert.Contains("ix_app_events_customer_id_occurred_at", indexes);
        }
        finally
        {
            await TestPostgres.DropAsync(factory.Options.ConnectionString);
        }
    }

    private static async Task SeedAndVerifyAsync(CrmDbContextFactory factory)
    {
        var time = new FakeTimeProvider(GeneratedBank.Now);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var messages = new List<string>();
        await DemoBankSeeder.SeedAsync(factory, Options, time, new SynchronousProgress(messages), CancellationToken.None);

        var expected = new DemoBankGenerator(Options, Core.Common.ChinaTime.Today(time)).Chunks(DemoBankSeeder.CustomersPerChunk).SelectMany(c => c.Customers).ToList();
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(Options.Customers, await db.Customers.CountAsync());
            Assert.Equal(expected.Sum(c => c.Documents.Count), await db.IdentityDocuments.CountAsync());
            Assert.Equal(expected.Sum(c => c.Contacts.Count), await db.ContactPoints.CountAsync());
            Assert.Equal(expected.Sum(c => c.Relationships.Count), await db.CustomerRelationships.CountAsync());
            Assert.Equal(expected.Sum(c => c.Accounts.Count), await db.Accounts.CountAsync());
            Assert.Equal(expected.Sum(c => c.Transactions.Count), await db.Transactions.CountAsync());
            Assert.Equal(expected.Sum(c => c.AppEvents.Count), await db.AppEvents.CountAsync());
            Assert.Equal(expected.Sum(c => c.Interactions.Count), await db.Interactions.CountAsync());
            Assert.Equal(expected.Sum(c => c.Consents.Count), await db.ConsentRecords.CountAsync());
            Assert.True(await db.ConsentRecords.CountAsync() > Options.Customers);
            Assert.Equal(Options.Customers, await db.CustomerChanges.CountAsync());
            Assert.Equal(expected.Count(c => c.Traits.FutureChurner), await db.Set<DemoBankTruth>().CountAsync(t => t.FutureChurner));
            Assert.Equal(42, await db.Products.CountAsync());

            // Values come back through EF Core exactly as generated (money, dates, UTC timestamps, enums).
            var canary = await db.Customers.WithIdNumber(db.BlindIndex(), DemoBankCanary.IdNumber).SingleAsync();
            Assert.Equal(expected[0].Customer.CreatedAt, canary.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, canary.CreatedAt.Kind);
            var firstTransactions = await db.Transactions.Where(t => t.CustomerId == 2).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(expected[1].Transactions.Select(t => (t.OccurredAt, t.Amount, t.Kind, t.Counterparty)), firstTransactions.Select(t => (t.OccurredAt, t.Amount, t.Kind, t.Counterparty)));
            Assert.Equal(expected.Sum(c => c.Accounts.Sum(a => a.Balance)), (await db.Accounts.Select(a => a.Balance).ToListAsync()).Sum());

            var staff = await db.Users.ToListAsync();
            Assert.All(staff.Where(s => s.UserName is "rm1" or "rm2" or "admin"), s => Assert.NotNull(s.PasswordHash));
            Assert.All(staff.Where(s => s.UserName!.StartsWith("rm-", StringComparison.Ordinal)), s => Assert.Null(s.PasswordHash));
            Assert.True(await db.Customers.CountAsync(c => c.RelationshipManagerId == "staff-rm1") > 50);

            // New rows after the bulk load get fresh ids (sequences / AUTOINCREMENT moved past the loaded ids).
            db.Transactions.Add(new Transaction { CustomerId = 1, AccountId = 1, OccurredAt = GeneratedBank.Now.UtcDateTime, Amount = 1m, Kind = TransactionKind.Deposit, Channel = TransactionChannel.Counter });
            await db.SaveChangesAsync();
            Assert.Equal(expected.Sum(c => c.Transactions.Count) + 1, await db.Transactions.MaxAsync(t => t.Id));
        }

        Assert.Contains(messages, m => m == $"customers {Options.Customers:N0}/{Options.Customers:N0}");
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every message before it asserts.</summary>
    private sealed class SynchronousProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (messages)
            {
                messages.Add(value);
            }
        }
    }
}
