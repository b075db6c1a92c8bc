using System.Data.Common;
using BankCrm.Data.Protection;
using Microsoft.Data.Sqlite;

namespace BankCrm.Data.DemoBank.Writers;

/// <summary>
/// SQLite: one prepared, parameterised INSERT per table, executed row by row inside one transaction per chunk.
/// Durability is relaxed (synchronous = OFF) for the load only: a crash mid-seed leaves a database to delete anyway.
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnection connection, FieldProtector protector) : IDemoBankWriter
{
    private readonly Dictionary<string, SqliteCommand> commands = [];
    private SqliteTransaction? transaction;
    private string? synchronous;

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        synchronous = Convert.ToString(await Scalar("PRAGMA synchronous", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await Execute("PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -131072", cancellationToken);
    }

    public Task BeginChunkAsync(CancellationToken cancellationToken)
    {
        transaction = connection.BeginTransaction();
        return Task.CompletedTask;
    }

    public Task WriteTableAsync<T>(TableShape<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var command = CommandFor(table);
        command.Transaction = transaction;
        var parameters = command.Parameters;
        var columns = table.Columns;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                parameters[i].Value = (column.Protection == ColumnProtection.None ? column.Value(row) : column.Protected(row, protector)) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task CommitChunkAsync(CancellationToken cancellationToken)
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = null;
        return Task.CompletedTask;
    }

    public async Task FinishAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await Execute($"PRAGMA synchronous = {synchronous ?? "2"}", cancellationToken);
        progress?.Report("updating statistics (ANALYZE)");
        await Execute("ANALYZE", cancellationToken);
    }

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }
    }

    private SqliteCommand CommandFor<T>(TableShape<T> table)
    {
        if (commands.TryGetValue(table.Name, out var existing))
        {
            return existing;
        }

        var command = connection.CreateCommand();
        var names = table.Columns.Select((_, i) => $"$p{i}").ToList();
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", names)})";
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Transaction = transaction;
        command.Prepare();
        commands[table.Name] = command;
        return command;
    }

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> Scalar(string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
