using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BankCrm.Data.Audit;
using BankCrm.Data.Backup;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Tests.DemoBank;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BankCrm.Data.Tests.Backup;

/// <summary>
/// Back up a small demo bank, destroy the database, restore it, and find every row again; a damaged backup is
/// refused before anything is touched. Runs on SQLite and on PostgreSQL (BANKCRM_TEST_PG).
/// </summary>
public abstract class BackupRestoreTests : IAsyncLifetime
{
    private static readonly DemoBankOptions Options = new() { Customers = 100, Seed = 11 };

    protected DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("bankcrm-backup-test-");

    protected abstract DatabaseOptions Database { get; }

    private string Package => Path.Combine(Work.FullName, "bankcrm.backup");

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Work.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restore_after_losing_the_database_brings_back_every_row()
    {
        await SeedAsync();
        var counts = await CountAllTablesAsync();
        var customers = await CustomerChecksumAsync();

        var manifest = await DatabaseBackup.BackupAsync(Database, Package, new FakeTimeProvider(GeneratedBank.Now));
        await DestroyAsync();
        await DatabaseBackup.RestoreAsync(Database, Package, force: false);

        Assert.Equal(counts, await CountAllTablesAsync());
        Assert.Equal(customers, await CustomerChecksumAsync());
        Assert.Equal(counts, new SortedDictionary<string, long>(manifest.RowCounts));
        Assert.Equal(Options.Customers, manifest.RowCounts["customers"]);
        Assert.True(manifest.RowCounts["consent_records"] > 0);
        Assert.StartsWith("2026", manifest.SchemaMigration);
        Assert.Equal(GeneratedBank.Now, manifest.CreatedAt);
    }

    [Fact]
    public async Task Restore_brings_back_the_audit_chain_with_the_head_the_manifest_recorded_and_it_verifies()
    {
        await SeedAsync();
        await AppendAuditEntriesAsync(25);
        var before = await new AuditVerifier(Factory()).VerifyAsync();
        Assert.True(before.Intact);

        var manifest = await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);
        await DestroyAsync();
        await DatabaseBackup.RestoreAsync(Database, Package, force: false);

        Assert.Equal(new AuditChainHead(before.Count, before.Count, before.LastHash), manifest.AuditChain);
        Assert.Equal(before.Count, manifest.RowCounts["audit_entries"]);
        var after = await new AuditVerifier(Factory()).VerifyAsync();
        Assert.True(after.Intact, after.Reason);
        Assert.Equal((before.Count, before.LastHash), (after.Count, after.LastHash));
    }

    [Fact]
    public async Task Restore_fails_when_the_restored_audit_chain_does_not_end_where_the_manifest_says()
    {
        await SeedAsync();
        await AppendAuditEntriesAsync(3);
        var manifest = await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);
        await RewriteManifestAsync(manifest with { AuditChain = manifest.AuditChain! with { LastHash = new string('0', 64) } });
        await DestroyAsync();

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(Database, Package, force: false));

        Assert.Contains("审计链", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_to_overwrite_a_database_with_data_unless_forced()
    {
        await SeedAsync();
        await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);
        await using (var db = Factory().CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM consent_records");
        }

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(Database, Package, force: false));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        await using (var db = Factory().CreateDbContext())
        {
            Assert.Equal(0, await db.ConsentRecords.CountAsync());
        }

        await DatabaseBackup.RestoreAsync(Database, Package, force: true);
        await using (var db = Factory().CreateDbContext())
        {
            Assert.True(await db.ConsentRecords.CountAsync() > 0);
        }
    }

    [Fact]
    public async Task A_backup_with_one_flipped_byte_is_refused_and_the_database_is_untouched()
    {
        await SeedAsync();
        await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);
        var bytes = await File.ReadAllBytesAsync(Package);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(Package, bytes);
        var before = await CustomerChecksumAsync();

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(Database, Package, force: true));

        Assert.Contains("损坏", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CustomerChecksumAsync());
    }

    [Fact]
    public async Task A_database_entry_changed_behind_the_manifest_fails_the_sha256_check()
    {
        await SeedAsync();
        var manifest = await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);

        // Rewrite the entry with one byte changed: the zip's own CRC is then valid, only the manifest's SHA-256 can tell.
        await using (var zip = await ZipArchive.CreateAsync(File.Open(Package, FileMode.Open, FileAccess.ReadWrite), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null))
        {
            var entry = zip.GetEntry(manifest.DatabaseEntry)!;
            byte[] content;
            await using (var stream = await entry.OpenAsync())
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                content = copy.ToArray();
            }

            content[content.Length - 1] ^= 0x01;
            entry.Delete();
            await using var replaced = await zip.CreateEntry(manifest.DatabaseEntry).OpenAsync();
            await replaced.WriteAsync(content);
        }

        var refused = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.VerifyAsync(Package));
        Assert.Contains("SHA-256", refused.Message, StringComparison.Ordinal);
        var restore = await Assert.ThrowsAsync<BackupException>(() => DatabaseBackup.RestoreAsync(Database, Package, force: true));
        Assert.Contains("SHA-256", restore.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_lists_every_table_with_its_row_count()
    {
        await SeedAsync();
        var manifest = await DatabaseBackup.BackupAsync(Database, Package, TimeProvider.System);

        await using var zip = await ZipFile.OpenReadAsync(Package);
        await using var stream = await zip.GetEntry("manifest.json")!.OpenAsync();
        using var json = await JsonDocument.ParseAsync(stream);
        Assert.Equal(1, json.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal(Database.Provider.ToString(), json.RootElement.GetProperty("provider").GetString());
        Assert.Equal(manifest.Sha256, json.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(await CountAllTablesAsync(), new SortedDictionary<string, long>(manifest.RowCounts));
    }

    protected abstract Task DestroyAsync();

    private async Task AppendAuditEntriesAsync(int count)
    {
        var trail = new AuditTrail(Factory(), new AuditGate(), TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await trail.RecordAsync(new AuditRecord(Core.Audit.AuditActions.CustomerViewedSensitive, "u1", "rm1") { CustomerId = i + 1, Fields = "balances" });
        }
    }

    private async Task RewriteManifestAsync(BackupManifest manifest)
    {
        await using var zip = await ZipArchive.CreateAsync(File.Open(Package, FileMode.Open, FileAccess.ReadWrite), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null);
        zip.GetEntry("manifest.json")!.Delete();
        await using var stream = await zip.CreateEntry("manifest.json").OpenAsync();
        await JsonSerializer.SerializeAsync(stream, manifest, BackupManifest.Json);
    }

    protected CrmDbContextFactory Factory() => new(Database);

    private async Task SeedAsync()
    {
        var factory = Factory();
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await DemoBankSeeder.SeedAsync(factory, Options, new FakeTimeProvider(GeneratedBank.Now), null, CancellationToken.None);
    }

    /// <summary>The test's own count of every table, independent of the code under test.</summary>
    private async Task<SortedDictionary<string, long>> CountAllTablesAsync()
    {
        await using var db = Factory().CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Database.Provider == DatabaseProvider.Postgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"");
        }

        Assert.Contains("customers", counts.Keys);
        return counts;
    }

    /// <summary>SHA-256 over every customer row as EF Core reads it, in id order.</summary>
    private async Task<string> CustomerChecksumAsync()
    {
        await using var db = Factory().CreateDbContext();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(customers)));
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class BackupRestoreTestsOnSqlite : BackupRestoreTests
{
    private string File => Path.Combine(Work.FullName, "bankcrm.db");

    protected override DatabaseOptions Database => new() { Provider = DatabaseProvider.Sqlite, Protector = TestKeys.Protector, ConnectionString = $"Data Source={File};Pooling=false" };

    protected override Task DestroyAsync()
    {
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
        Assert.False(System.IO.File.Exists(File));
        return Task.CompletedTask;
    }
}

public sealed class BackupRestoreTestsOnPostgres : BackupRestoreTests
{
    private readonly string connectionString = TestPostgres.NewDatabase("bankcrm_prv_backup");

    protected override DatabaseOptions Database => new() { Provider = DatabaseProvider.Postgres, Protector = TestKeys.Protector, ConnectionString = connectionString };

    public override async Task InitializeAsync() => await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8'");

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\"");
        await base.DisposeAsync();
    }

    /// <summary>Drop the database and create it again empty, as after losing the server's data.</summary>
    protected override async Task DestroyAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE \"{Name}\"");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8'");
    }

    private string Name => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
