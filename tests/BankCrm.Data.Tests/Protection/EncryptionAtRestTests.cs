using System.IO.Compression;
using System.Text;
using BankCrm.Core.Customers;
using BankCrm.Data.Backup;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace BankCrm.Data.Tests.Protection;

/// <summary>
/// Issue 3 item 5: a database file or dump on its own reveals no ID number, phone or account number; exact search
/// still finds customers through the blind index, after a key rotation and after old plaintext rows are encrypted.
/// Each test seeds its own small demo bank (with the canary customer) under keys kept in a key file of its own.
/// </summary>
public abstract class EncryptionAtRestTests : IAsyncLifetime
{
    private static readonly DemoBankOptions Bank = new() { Customers = 300, Seed = 11 };

    protected string Folder { get; } = Directory.CreateTempSubdirectory("bankcrm-enc-").FullName;

    protected DatabaseOptions Options { get; private set; } = null!;

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:KeyFile"] = Path.Combine(Folder, KeyFile.FileName) }).Build();
        Options = new DatabaseOptions { Provider = Provider, ConnectionString = ConnectionString, Protector = KeyRingSource.Load(configuration, Folder) };
        var factory = new CrmDbContextFactory(Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await DemoBankSeeder.SeedAsync(factory, Bank, TimeProvider.System, progress: null, CancellationToken.None);
        Enrolled = await SecondFactorEnrolment.EnrolAsync(factory, "rm1");
    }

    /// <summary>A member of staff enrolled in TOTP through Identity, with the secrets the app gave them.</summary>
    protected SecondFactorEnrolment.Secrets Enrolled { get; private set; } = null!;

    public virtual Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_dump_of_the_seeded_database_shows_no_id_number_mobile_or_account_number_in_clear()
    {
        var secrets = await IdentifiersReadThroughTheAppAsync(new CrmDbContextFactory(Options));
        Assert.Contains(DemoBankCanary.IdNumber, secrets);
        Assert.Contains(DemoBankCanary.Mobile, secrets);
        Assert.True(secrets.Count > Bank.Customers * 2, $"only {secrets.Count} identifiers were read");

        var dump = await DumpAsync();

        // The scan sees real rows: the canary's name is C1 and stays in clear.
        Assert.True(Contains(dump, DemoBankCanary.Name), "the dump does not even hold the canary's name; the scan reads the wrong thing");
        var leaked = secrets.Where(s => Contains(dump, s)).Take(10).ToList();
        Assert.True(leaked.Count == 0, $"{Provider} dump ({dump.Length:N0} bytes) holds in clear: {string.Join(", ", leaked)}");
    }

    [Fact]
    public async Task Keys_rotate_reencrypts_every_value_and_search_still_finds_the_customer()
    {
        var before = Options.Protector!.Ring.ActiveKeyId;

        var outcome = await KeyRotation.RotateAsync(Options, progress: null, CancellationToken.None);

        var rotated = new CrmDbContextFactory(new DatabaseOptions
        {
            Provider = Provider, ConnectionString = ConnectionString, Protector = new FieldProtector(KeyFile.Read(Options.Protector.KeyFile!)),
        });
        Assert.Equal(before, outcome.PreviousKeyId);
        Assert.NotEqual(before, outcome.ActiveKeyId);
        var usage = await KeyUsage.CountAsync(rotated, CancellationToken.None);
        Assert.All(usage, u => Assert.Equal(outcome.ActiveKeyId, u.KeyId));
        Assert.Equal(usage.Sum(u => u.Rows), outcome.RowsReencrypted);
        await AssertCanaryFoundAsync(rotated);
    }

    [Fact]
    public async Task Plaintext_left_from_before_encryption_is_encrypted_by_the_sweep_and_then_found_by_search()
    {
        var factory = new CrmDbContextFactory(Options);
        await using (var db = factory.CreateDbContext())
        {
            // What a database migrated from before encryption holds: clear values, no blind index.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE customers SET id_number = {0}, mobile = {1}, id_number_index = NULL, mobile_index = NULL WHERE id = {2}",
                DemoBankCanary.IdNumber, DemoBankCanary.Mobile, DemoBankCanary.CustomerId);
            await db.Database.ExecuteSqlRawAsync("UPDATE accounts SET account_number = {0}, account_number_index = NULL WHERE id = (SELECT MIN(id) FROM accounts)", "6222000011112222333");

            // Such a database also had an index on the clear ID numbers, which the migration drops: its pages are freed, not wiped.
            await db.Database.ExecuteSqlRawAsync("CREATE INDEX ix_legacy_id_number ON customers (id_number)");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX ix_legacy_id_number");
        }

        var written = await ProtectedColumnSweep.EncryptPlaintextAsync(factory, progress: null, CancellationToken.None);

        Assert.Equal(3, written);
        Assert.DoesNotContain(await KeyUsage.CountAsync(factory, CancellationToken.None), u => u.KeyId == KeyUsage.Plaintext);
        await AssertCanaryFoundAsync(factory);
        await using var check = factory.CreateDbContext();
        var account = await check.Accounts.WithAccountNumber(check.BlindIndex(), "6222 0000 1111 2222 333").SingleAsync();
        Assert.Equal("6222000011112222333", account.AccountNumber);
        Assert.Equal(0, await ProtectedColumnSweep.EncryptPlaintextAsync(factory, progress: null, CancellationToken.None));

        // Nothing of the plaintext is left behind, e.g. in SQLite's free space, which file copies and backups keep.
        var dump = await DumpAsync();
        Assert.False(Contains(dump, DemoBankCanary.IdNumber), "the canary's ID number is still in the database file");
        Assert.False(Contains(dump, "6222000011112222333"), "the plaintext account number is still in the database file");
    }

    [Fact]
    public async Task No_authenticator_key_or_recovery_code_is_in_the_dump_or_the_backup_and_the_app_still_uses_them()
    {
        var dump = await DumpAsync();
        var package = Path.Combine(Folder, "second-factor.backup");
        await DatabaseBackup.BackupAsync(Options, package, TimeProvider.System);
        var backup = await BackupContentAsync(package);

        Assert.True(Contains(dump, DemoBankCanary.Name) && Contains(backup, DemoBankCanary.Name), "the scan reads the wrong thing: the canary's name is missing");
        foreach (var (where, bytes) in new[] { ("dump", dump), ("backup", backup) })
        {
            var leaked = Enrolled.Readable().Where(s => Contains(bytes, s)).ToList();
            Assert.True(leaked.Count == 0, $"{Provider} {where} holds second-factor secrets in clear: {string.Join(", ", leaked)}");
        }

        var counted = await KeyUsage.CountAsync(new CrmDbContextFactory(Options), CancellationToken.None);
        Assert.Contains(counted, u => u.Table == "AspNetUserTokens" && u.KeyId == Options.Protector!.Ring.ActiveKeyId && u.Rows >= 2);
        await SecondFactorEnrolment.AssertUsableAsync(new CrmDbContextFactory(Options), Enrolled);
    }

    [Fact]
    public async Task Second_factor_secrets_left_in_clear_are_encrypted_and_the_recovery_codes_hashed_by_the_sweep()
    {
        var factory = new CrmDbContextFactory(Options);
        var legacy = await SecondFactorEnrolment.StoreInClearAsync(factory, "rm2");
        Assert.Contains(await KeyUsage.CountAsync(factory, CancellationToken.None), u => u.Table == "AspNetUserTokens" && u.KeyId == KeyUsage.Plaintext && u.Rows == 2);

        var written = await ProtectedColumnSweep.EncryptPlaintextAsync(factory, progress: null, CancellationToken.None);

        Assert.Equal(2, written);
        Assert.DoesNotContain(await KeyUsage.CountAsync(factory, CancellationToken.None), u => u.KeyId == KeyUsage.Plaintext);
        var dump = await DumpAsync();
        var leaked = legacy.Readable().Where(s => Contains(dump, s)).ToList();
        Assert.True(leaked.Count == 0, $"{Provider} still holds in clear after the sweep: {string.Join(", ", leaked)}");
        await SecondFactorEnrolment.AssertUsableAsync(factory, legacy);
    }

    protected abstract Task<byte[]> DumpAsync();

    /// <summary>Every entry of the backup package; a pg_dump archive (compressed) as the SQL script it restores.</summary>
    private async Task<byte[]> BackupContentAsync(string package)
    {
        using var all = new MemoryStream();
        await using var zip = await ZipArchive.CreateAsync(File.OpenRead(package), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null);
        foreach (var entry in zip.Entries)
        {
            var file = Path.Combine(Folder, "entry-" + Guid.NewGuid().ToString("N"));
            await entry.ExtractToFileAsync(file);
            await all.WriteAsync(await File.ReadAllBytesAsync(file));
            if (Provider == DatabaseProvider.Postgres && (await File.ReadAllBytesAsync(file)).AsSpan().StartsWith("PGDMP"u8))
            {
                var script = file + ".sql";
                await PostgresTools.RunAsync("pg_restore", ["--file", script, file], new NpgsqlConnectionStringBuilder(ConnectionString), CancellationToken.None);
                await all.WriteAsync(await File.ReadAllBytesAsync(script));
            }
        }

        return all.ToArray();
    }

    private static async Task AssertCanaryFoundAsync(CrmDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var byId = await db.Customers.WithIdNumber(db.BlindIndex(), "110105 19491231 002x").Select(c => new { c.Id, c.Mobile }).SingleAsync();
        var byMobile = await db.Customers.WithMobile(db.BlindIndex(), "+86 138-0013-8000").Select(c => new { c.Id, c.IdNumber }).SingleAsync();
        Assert.Equal(DemoBankCanary.CustomerId, byId.Id);
        Assert.Equal(DemoBankCanary.Mobile, byId.Mobile);
        Assert.Equal(DemoBankCanary.CustomerId, byMobile.Id);
        Assert.Equal(DemoBankCanary.IdNumber, byMobile.IdNumber);
    }

    /// <summary>Every ID number, phone and account number of the bank, decrypted by the app.</summary>
    private static async Task<HashSet<string>> IdentifiersReadThroughTheAppAsync(CrmDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in await db.Customers.AsNoTracking().Select(c => new { c.IdNumber, c.Mobile }).ToListAsync())
        {
            secrets.Add(c.IdNumber!);
            if (c.Mobile is { } mobile)
            {
                secrets.Add(mobile);
            }
        }

        secrets.UnionWith(await db.IdentityDocuments.AsNoTracking().Select(d => d.Number).ToListAsync());
        secrets.UnionWith(await db.ContactPoints.AsNoTracking().Where(c => c.Kind == ContactKind.Mobile || c.Kind == ContactKind.Landline).Select(c => c.Value).ToListAsync());
        secrets.UnionWith(await db.Accounts.AsNoTracking().Select(a => a.AccountNumber).ToListAsync());
        return secrets;
    }

    private static bool Contains(byte[] haystack, string value) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0;
}

public sealed class EncryptionAtRestTestsOnSqlite : EncryptionAtRestTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={DatabaseFile};Pooling=false";

    private string DatabaseFile => Path.Combine(Folder, "bankcrm.db");

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }

    protected override async Task<byte[]> DumpAsync()
    {
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(FULL)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var wal = DatabaseFile + "-wal";
        return [.. await File.ReadAllBytesAsync(DatabaseFile), .. File.Exists(wal) ? await File.ReadAllBytesAsync(wal) : []];
    }
}

public sealed class EncryptionAtRestTestsOnPostgres : EncryptionAtRestTests
{
    private readonly string connectionString = TestPostgres.NewDatabase("bankcrm_t_enc");

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => connectionString;

    public override async Task DisposeAsync()
    {
        await TestPostgres.DropAsync(connectionString);
        await base.DisposeAsync();
    }

    protected override async Task<byte[]> DumpAsync()
    {
        var file = Path.Combine(Folder, "dump.sql");
        await PostgresTools.RunAsync("pg_dump", ["--format=plain", "--no-owner", "--file", file], new NpgsqlConnectionStringBuilder(connectionString), CancellationToken.None);
        return await File.ReadAllBytesAsync(file);
    }
}
