using BankCrm.Data.Backup;
using BankCrm.Data.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// Issue 11, finding 8: the SQLite database, its journals and a backup are readable by the account that runs BankCrm
/// only (0600), and a data folder the app creates is 0700 — whatever the umask (the test host's is 022).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_database_file_and_its_journals_are_owner_only()
    {
        var database = CrmDbContextFactory.SqliteFilePath(app.DatabaseConnectionString)!;

        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(database));
        foreach (var journal in new[] { database + "-wal", database + "-shm", database + "-journal" }.Where(File.Exists))
        {
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(journal));
        }
    }

    [Fact]
    public async Task A_backup_is_owner_only()
    {
        var folder = Directory.CreateTempSubdirectory("bankcrm-backup-test-");
        try
        {
            var package = Path.Combine(folder.FullName, "bankcrm.backup.zip");

            await DatabaseBackup.BackupAsync(app.Services.GetRequiredService<DatabaseOptions>(), package, TimeProvider.System);

            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(package));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_new_data_folder_and_database_are_created_owner_only_and_an_old_world_readable_file_is_tightened()
    {
        var root = Directory.CreateTempSubdirectory("bankcrm-data-test-");
        try
        {
            var dataFolder = Path.Combine(root.FullName, "var", "bankcrm");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:DataFolder"] = dataFolder,
            }).Build();

            _ = new CrmDbContextFactory(DataModule.ReadOptions(configuration));

            Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(dataFolder));
            var database = Path.Combine(dataFolder, "bankcrm.db");
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(database));

            // A file left readable by every user by an install before this rule is made owner-only on the next start.
            File.SetUnixFileMode(database, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            _ = new CrmDbContextFactory(DataModule.ReadOptions(configuration));
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(database));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
