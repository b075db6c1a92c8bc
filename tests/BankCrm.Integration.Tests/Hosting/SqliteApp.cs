using BankCrm.Data.Database;
using Microsoft.Data.Sqlite;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>The app over a SQLite file in a temporary folder of its own, deleted afterwards.</summary>
public class SqliteApp : BankCrmApp
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankcrm-test-" + Guid.NewGuid().ToString("N")[..12]);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(folder);
        ConnectionString = $"Data Source={Path.Combine(folder, "bankcrm.db")}";
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
