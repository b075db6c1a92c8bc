using BankCrm.Data.Database;
using BankCrm.Data.DemoBank.Writers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BankCrm.Data.Tests.DemoBank;

public sealed class DemoBankTablesTests
{
    public static TheoryData<string, string[]> Tables => new()
    {
        { DemoBankTables.Customers.Name, [.. DemoBankTables.Customers.Columns.Select(c => c.Name)] },
        { DemoBankTables.Documents.Name, [.. DemoBankTables.Documents.Columns.Select(c => c.Name)] },
        { DemoBankTables.Contacts.Name, [.. DemoBankTables.Contacts.Columns.Select(c => c.Name)] },
        { DemoBankTables.Relationships.Name, [.. DemoBankTables.Relationships.Columns.Select(c => c.Name)] },
        { DemoBankTables.Accounts.Name, [.. DemoBankTables.Accounts.Columns.Select(c => c.Name)] },
        { DemoBankTables.Transactions.Name, [.. DemoBankTables.Transactions.Columns.Select(c => c.Name)] },
        { DemoBankTables.AppEvents.Name, [.. DemoBankTables.AppEvents.Columns.Select(c => c.Name)] },
        { DemoBankTables.Interactions.Name, [.. DemoBankTables.Interactions.Columns.Select(c => c.Name)] },
        { DemoBankTables.Consents.Name, [.. DemoBankTables.Consents.Columns.Select(c => c.Name)] },
        { DemoBankTables.Changes.Name, [.. DemoBankTables.Changes.Columns.Select(c => c.Name)] },
        { DemoBankTables.Truth.Name, [.. DemoBankTables.Truth.Columns.Select(c => c.Name)] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Columns_WhenComparedWithTheEfModel_AreExactlyTheMappedColumns(string table, string[] columns)
    {
        var factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = "Data Source=:memory:" });
        using var db = factory.CreateDbContext();
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table);
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());

        var mapped = entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>().Order().ToList();

        Assert.Equal(mapped, columns.Order().ToList());
    }
}
