using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

/// <summary>
/// A migrated database with two branches (SH001, BJ001), a relationship manager in each (rm1, rm2) and a branch
/// manager of SH001 (manager1). SQLite in a temporary folder, or a fresh PostgreSQL database on the server
/// named by BANKCRM_TEST_PG (its Database is replaced; without it the PostgreSQL tests fail). Deleted on dispose.
/// </summary>
internal sealed class ImportTestDatabase : IAsyncDisposable
{
    public const int Shanghai = 1;
    public const int Beijing = 2;

    private readonly string folder;

    private ImportTestDatabase(string folder, CrmDbContextFactory factory)
    {
        this.folder = folder;
        Factory = factory;
    }

    public CrmDbContextFactory Factory { get; }

    public string Rm1Id { get; private set; } = string.Empty;

    public string Rm2Id { get; private set; } = string.Empty;

    public static async Task<ImportTestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), "bankcrm-import-tests", name);
        Directory.CreateDirectory(folder);
        var options = provider == DatabaseProvider.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, Protector = TestKeys.Protector, ConnectionString = TestPostgres.NewDatabase("bankcrm_t_import") }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={Path.Combine(folder, "crm.db")};Pooling=False" };
        var database = new ImportTestDatabase(folder, new CrmDbContextFactory(options));
        await using var db = database.Factory.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Branches.Add(new Branch { Id = Shanghai, Code = "SH001", Name = "上海陆家嘴支行", Province = "上海市", City = "上海市" });
        db.Branches.Add(new Branch { Id = Beijing, Code = "BJ001", Name = "北京金融街支行", Province = "北京市", City = "北京市" });
        await db.SaveChangesAsync();
        await StaffWriter.EnsureRolesAsync(db, CancellationToken.None);
        database.Rm1Id = StaffWriter.Add(db, "rm1", "李明", StaffRole.RelationshipManager, Shanghai, password: null).Id;
        database.Rm2Id = StaffWriter.Add(db, "rm2", "王芳", StaffRole.RelationshipManager, Beijing, password: null).Id;
        StaffWriter.Add(db, "manager1", "陈静", StaffRole.BranchManager, Shanghai, password: null);
        await db.SaveChangesAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory.Options.Provider == DatabaseProvider.Postgres)
        {
            await TestPostgres.DropAsync(Factory.Options.ConnectionString);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
