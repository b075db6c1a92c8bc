using BankCrm.Data.Database;
using Npgsql;

namespace BankCrm.Data.Backup;

/// <summary>
/// PostgreSQL: pg_dump in custom format. The row counts are taken in a repeatable-read transaction whose
/// snapshot pg_dump shares (--snapshot), so the manifest describes exactly the rows in the dump even while
/// the app keeps writing.
/// </summary>
internal static class PostgresBackup
{
    public const string Entry = "bankcrm.pgdump";

    public static async Task<BackupManifest> DumpAsync(string connectionString, string dumpPath, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var counts = await TableCounter.CountAsync(connection, DatabaseProvider.Postgres, cancellationToken);
        var migration = await TableCounter.LastMigrationAsync(connection, counts, cancellationToken);
        var auditChain = await TableCounter.AuditChainHeadAsync(connection, counts, cancellationToken);

        await PostgresTools.RunAsync("pg_dump", ["--format=custom", $"--snapshot={snapshot}", $"--file={dumpPath}", builder.Database!], builder, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new BackupManifest
        {
            Provider = DatabaseProvider.Postgres,
            CreatedAt = createdAt,
            SchemaMigration = migration,
            DatabaseEntry = Entry,
            DatabaseBytes = new FileInfo(dumpPath).Length,
            Sha256 = await BackupPackage.Sha256Async(dumpPath, cancellationToken),
            RowCounts = counts,
            AuditChain = auditChain,
        };
    }

    /// <summary>Row counts of the configured database, creating it first when it does not exist (a restore after losing it).</summary>
    public static async Task<AuditChainHead?> AuditChainHeadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var counts = await TableCounter.CountAsync(connection, DatabaseProvider.Postgres, cancellationToken);
        return await TableCounter.AuditChainHeadAsync(connection, counts, cancellationToken);
    }

    public static async Task<SortedDictionary<string, long>> EnsureAndCountAsync(string connectionString, bool create, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (create && !await ExistsAsync(builder, cancellationToken))
        {
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync(cancellationToken);

            // template0: a cluster initialised under the C locale has an SQL_ASCII template1.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{builder.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await TableCounter.CountAsync(connection, DatabaseProvider.Postgres, cancellationToken);
    }

    public static async Task RestoreAsync(string connectionString, string dumpPath, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // One transaction: a restore that fails half-way leaves the database as it was.
        await PostgresTools.RunAsync("pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", $"--dbname={builder.Database}", dumpPath],
            builder, cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", builder.Database!);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
