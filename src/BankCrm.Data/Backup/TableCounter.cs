using System.Data.Common;
using System.Globalization;
using BankCrm.Data.Database;

namespace BankCrm.Data.Backup;

/// <summary>Row counts of every table the database holds (not only the ones the model knows), for the manifest.</summary>
internal static class TableCounter
{
    public const string MigrationsTable = "__ef_migrations";
    public const string AuditTable = "audit_entries";

    public static async Task<SortedDictionary<string, long>> CountAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(connection, provider, cancellationToken))
        {
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The newest migration id (ids start with a timestamp, so the ordinal maximum is the newest).</summary>
    public static async Task<string?> LastMigrationAsync(DbConnection connection, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken)
    {
        if (!counts.ContainsKey(MigrationsTable))
        {
            return null;
        }

        // The id is the first column whatever the naming convention calls it.
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{MigrationsTable}\"";
        string? last = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            last = last is null || string.CompareOrdinal(id, last) > 0 ? id : last;
        }

        return last;
    }

    /// <summary>The audit chain's head, read on the same connection (and snapshot) as the counts.</summary>
    public static async Task<AuditChainHead?> AuditChainHeadAsync(DbConnection connection, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken)
    {
        if (!counts.TryGetValue(AuditTable, out var entries))
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, hash FROM \"{AuditTable}\" ORDER BY id DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainHead(entries, reader.GetInt64(0), reader.GetString(1))
            : new AuditChainHead(0, 0, string.Empty);
    }

    /// <summary>Rows outside the migrations history: a freshly migrated database has none.</summary>
    public static long DataRows(IReadOnlyDictionary<string, long> counts) =>
        counts.Where(c => c.Key != MigrationsTable).Sum(c => c.Value);

    private static async Task<List<string>> TablesAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
