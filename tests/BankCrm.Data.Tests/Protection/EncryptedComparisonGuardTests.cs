using BankCrm.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Tests.Protection;

public sealed class EncryptedComparisonGuardTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("bankcrm-guard-").FullName;
    private CrmDbContextFactory factory = null!;

    public async Task InitializeAsync()
    {
        factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={Path.Combine(folder, "guard.db")};Pooling=false" });
        await using var db = factory.CreateDbContext();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Query_WhenItComparesAnEncryptedColumnWithAValue_IsRefusedInsteadOfFindingNothing()
    {
        await using var db = factory.CreateDbContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.Where(c => c.IdNumber == "11010519491231002X").ToListAsync());

        Assert.Contains("Customer.IdNumber is stored encrypted", error.Message, StringComparison.Ordinal);
        Assert.Contains("blind index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WhenItSearchesOrSortsAnEncryptedColumn_IsRefused()
    {
        await using var db = factory.CreateDbContext();
        var mobiles = new List<string> { "13800138000" };

        var contains = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Customers.Where(c => mobiles.Contains(c.Mobile!)).ToListAsync());
        var prefix = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Accounts.Where(a => a.AccountNumber.StartsWith("6222")).ToListAsync());
        var order = await Assert.ThrowsAsync<InvalidOperationException>(() => db.ContactPoints.OrderBy(c => c.Value).ToListAsync());

        Assert.StartsWith("Customer.Mobile is stored encrypted", contains.Message, StringComparison.Ordinal);
        Assert.StartsWith("Account.AccountNumber is stored encrypted", prefix.Message, StringComparison.Ordinal);
        Assert.StartsWith("ContactPoint.Value is stored encrypted", order.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WhenItOnlyReadsOrTestsForNull_Runs()
    {
        await using var db = factory.CreateDbContext();

        Assert.Empty(await db.Customers.Where(c => c.IdNumber != null).Select(c => new { c.IdNumber, Mobile = c.Mobile ?? string.Empty }).ToListAsync());
    }
}
