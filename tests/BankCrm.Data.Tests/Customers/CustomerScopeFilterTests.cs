using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Tests.Customers;

/// <summary>
/// The SQL of the scope filter: the benchmarked own-book and branch queries must not change for staff without a running
/// share, and a share must add an id list, never a sub-query on customer_shares.
/// </summary>
public sealed class CustomerScopeFilterTests
{
    private static readonly Actor Rm = new("rm-1", "rm1", [StaffRole.RelationshipManager], 1);
    private static readonly Actor Manager = new("bm-1", "manager1", [StaffRole.BranchManager], 1);

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public void VisibleTo_WhenNoShares_FiltersOnTheScopeColumnAlone(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var ownBook = db.Customers.VisibleTo(Rm).ToQueryString();
        var branch = db.Customers.VisibleTo(Manager).ToQueryString();

        Assert.DoesNotContain(" OR ", Where(ownBook), StringComparison.Ordinal);
        Assert.Contains("relationship_manager_id", Where(ownBook), StringComparison.Ordinal);
        Assert.DoesNotContain(" OR ", Where(branch), StringComparison.Ordinal);
        Assert.Contains("branch_id", Where(branch), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public void VisibleTo_WhenShares_AddsTheIdsWithoutASubQuery(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var sql = Where(db.Customers.VisibleTo(Rm with { SharedCustomerIds = [42, 43] }).ToQueryString());

        Assert.Contains("relationship_manager_id", sql, StringComparison.Ordinal);
        Assert.Contains(" OR ", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("customer_shares", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT", sql, StringComparison.Ordinal);
    }

    private static string Where(string sql) => sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..];

    private static CrmDbContext Context(DatabaseProvider provider) =>
        new CrmDbContextFactory(new DatabaseOptions
        {
            Provider = provider,
            Protector = TestKeys.Protector,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=never_opened" : "Data Source=:memory:",
        }).CreateDbContext();
}
