using BankCrm.Data.Database;
using Microsoft.Data.Sqlite;

namespace BankCrm.Data.Backup;

/// <summary>
/// SQLite: the online backup API copies a consistent snapshot while the app keeps running; the manifest counts
/// rows in that copy, so counts and file always agree. Restore replaces the database file.
/// </summary>
internal static class SqliteBackup
{
    public const string Entry = "bankcrm.db";

    public static async Task<BackupManifest> SnapshotAsync(string connectionString, string snapshotPath, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(ConnectionTo(snapshotPath)))
        {
            await source.OpenAsync(cancellationToken);
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);
        }

        var (counts, migration, auditChain) = await CountAsync(snapshotPath, cancellationToken);
        return new BackupManifest
        {
            Provider = DatabaseProvider.Sqlite,
            CreatedAt = createdAt,
            SchemaMigration = migration,
            DatabaseEntry = Entry,
            DatabaseBytes = new FileInfo(snapshotPath).Length,
            Sha256 = await BackupPackage.Sha256Async(snapshotPath, cancellationToken),
            RowCounts = counts,
            AuditChain = auditChain,
        };
    }

    public static async Task<(SortedDictionary<string, long> Counts, string? Migration, AuditChainHead? AuditChain)> CountAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionTo(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        var counts = await TableCounter.CountAsync(connection, DatabaseProvider.Sqlite, cancellationToken);
        return (counts, await TableCounter.LastMigrationAsync(connection, counts, cancellationToken), await TableCounter.AuditChainHeadAsync(connection, counts, cancellationToken));
    }

    public static string DatabasePath(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } path && path != ":memory:"
            ? Path.GetFullPath(path)
            : throw new BackupException("SQLite 连接字符串没有指向数据库文件 (Data Source)。");

    /// <summary>Copies the verified file into place: next to the target first, then one rename.</summary>
    public static void ReplaceFile(string verifiedCopy, string databasePath)
    {
        SqliteConnection.ClearAllPools();
        OwnerOnly.CreateFolder(Path.GetDirectoryName(databasePath)!);
        var incoming = databasePath + ".restoring";
        File.Copy(verifiedCopy, incoming, overwrite: true);
        OwnerOnly.Restrict(incoming);

        // A write-ahead log left by the old database would be replayed onto the restored file.
        File.Delete(databasePath + "-wal");
        File.Delete(databasePath + "-shm");
        File.Move(incoming, databasePath, overwrite: true);
    }

    private static string ConnectionTo(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString;
}
