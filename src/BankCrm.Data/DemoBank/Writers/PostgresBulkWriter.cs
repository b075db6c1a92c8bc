using System.Globalization;
using BankCrm.Data.Protection;
using Npgsql;
using NpgsqlTypes;

namespace BankCrm.Data.DemoBank.Writers;

/// <summary>
/// PostgreSQL: binary COPY (NpgsqlBinaryImporter) per table, one transaction per chunk. The secondary indexes of
/// the two big tables are dropped for the load and rebuilt once at the end (much cheaper than 50 million index
/// inserts); afterwards every identity sequence moves past the loaded ids and the tables are analysed.
/// </summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection, FieldProtector protector) : IDemoBankWriter
{
    private static readonly string[] RebuiltTables = [DemoBankTables.Transactions.Name, DemoBankTables.AppEvents.Name];

    private readonly List<string> droppedIndexes = [];
    private NpgsqlTransaction? transaction;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // A lost commit during a seed only means seeding again; index builds get enough memory to sort in RAM.
        await Execute("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'", cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(@tables) AND indexname NOT LIKE 'pk\\_%' ORDER BY indexname",
            connection);
        command.Parameters.AddWithValue("tables", RebuiltTables);
        var indexes = new List<(string Name, string Definition)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, definition) in indexes)
        {
            await Execute($"DROP INDEX \"{name}\"", cancellationToken);
            droppedIndexes.Add(definition);
        }
    }

    public async Task BeginChunkAsync(CancellationToken cancellationToken) =>
        transaction = await connection.BeginTransactionAsync(cancellationToken);

    public async Task WriteTableAsync<T>(TableShape<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                if (column.Protection == ColumnProtection.None)
                {
                    column.Write(importer, row);
                }
                else if (column.Protected(row, protector) is { } stored)
                {
                    importer.Write(stored, NpgsqlDbType.Varchar);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public async Task CommitChunkAsync(CancellationToken cancellationToken)
    {
        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
    }

    public async Task FinishAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var definition in droppedIndexes)
        {
            progress?.Report($"rebuilding index: {definition}");
            await Execute(definition, cancellationToken);
        }

        foreach (var table in DemoBankTables.WithIdentity)
        {
            await Execute(string.Create(CultureInfo.InvariantCulture,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"), cancellationToken);
        }

        progress?.Report("updating statistics (ANALYZE)");
        await Execute("ANALYZE", cancellationToken);
    }

    public void Dispose() => transaction?.Dispose();

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
