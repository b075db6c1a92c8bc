using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.Customers;

public sealed class CustomerSearchTests
{
    private static readonly Actor Admin = new("admin-id", "admin", [StaffRole.Admin], null);

    [Fact]
    public async Task ListAsync_WhenANameSearchMatchesMoreThanTheCountLimit_ReportsTheLimitAsALowerBound()
    {
        var folder = Directory.CreateTempSubdirectory("bankcrm-search-");
        try
        {
            var factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={Path.Combine(folder.FullName, "bankcrm.db")};Pooling=false" });
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            await DemoBankSeeder.SeedAsync(factory, new DemoBankOptions { Customers = 300, Seed = 11 }, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)), null, CancellationToken.None);
            await using var context = factory.CreateDbContext();
            var surname = await context.Customers.GroupBy(c => c.Name.Substring(0, 1)).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var matching = await context.Customers.CountAsync(c => c.Name.Contains(surname));
            var search = new CustomerSearch(context);

            var capped = await search.ListAsync(Admin, new CustomerListQuery { Search = surname, NameSearchCountLimit = 2, PageSize = 50 });
            var exact = await search.ListAsync(Admin, new CustomerListQuery { Search = surname, NameSearchCountLimit = matching, PageSize = 50 });

            Assert.True(matching > 2);
            Assert.Equal(2, capped.Total);
            Assert.True(capped.TotalIsLowerBound);
            Assert.Equal(Math.Min(50, matching), capped.Items.Count);
            Assert.Equal(matching, exact.Total);
            Assert.False(exact.TotalIsLowerBound);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
