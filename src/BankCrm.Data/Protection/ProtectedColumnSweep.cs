using System.Data.Common;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BankCrm.Data.Protection;

/// <summary>
/// Rewrites encrypted columns in place, in batches in key order (never a whole table in memory): plaintext left from before
/// encryption (<see cref="EncryptPlaintextAsync"/>, run on every start after migrating) and values under any key but
/// the active one (<see cref="ReencryptAsync"/>, for <c>keys rotate</c>). Each batch is one transaction, and a row
/// changed by someone else meanwhile is left alone (the update requires the value read), so both are safe to
/// interrupt and run again.
/// </summary>
public static class ProtectedColumnSweep
{
    public const int BatchSize = 1_000;

    /// <summary>Encrypts every value without the <c>v1:</c> prefix and fills its blind index; returns the rows written.</summary>
    public static Task<long> EncryptPlaintextAsync(CrmDbContextFactory factory, IProgress<string>? progress, CancellationToken cancellationToken) =>
        RewriteAsync(factory, FieldCipher.Prefix, progress, cancellationToken);

    /// <summary>Re-encrypts every value not under the active key (plaintext included) under the active key.</summary>
    public static Task<long> ReencryptAsync(CrmDbContextFactory factory, IProgress<string>? progress, CancellationToken cancellationToken) =>
        RewriteAsync(factory, $"{FieldCipher.Prefix}{factory.Options.Protector!.Ring.ActiveKeyId}:", progress, cancellationToken);

    private static async Task<long> RewriteAsync(CrmDbContextFactory factory, string keepPrefix, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var protector = factory.Options.Protector!;
        long total = 0;
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in ProtectedColumns.All)
            {
                var written = await RewriteColumnAsync(db, column, protector, keepPrefix, cancellationToken);
                if (written > 0)
                {
                    progress?.Report($"{column.Table}.{column.Column}: {written:N0} rows encrypted under key {protector.Ring.ActiveKeyId}");
                }

                total += written;
            }

            if (total > 0 && db.Provider == DatabaseProvider.Sqlite)
            {
                // SQLite leaves the old bytes of a rewritten value in the page's free space, and the online backup
                // copies pages as they are: without rebuilding the file, the plaintext (or the retired key's
                // ciphertext) would still be in the file and in every backup of it.
                progress?.Report("rebuilding the SQLite file (VACUUM) so no old value remains in free space");
                await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return total;
    }

    private static async Task<long> RewriteColumnAsync(CrmDbContext db, ProtectedColumn column, FieldProtector protector, string keepPrefix, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        object[]? last = null;
        long written = 0;
        while (true)
        {
            var batch = await ReadBatchAsync(connection, column, keepPrefix, last, cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var update = Update(connection, column, transaction, batch[0].Key);
            foreach (var (key, stored) in batch)
            {
                var plaintext = protector.Decrypt(stored);
                if (column.Upgrade is { } upgrade)
                {
                    plaintext = upgrade(protector.Ring, key, plaintext);
                }

                update.Parameters["@value"].Value = protector.Encrypt(plaintext);
                update.Parameters["@stored"].Value = stored;
                for (var i = 0; i < key.Length; i++)
                {
                    update.Parameters[$"@k{i}"].Value = key[i];
                }

                if (column.IndexField is { } field)
                {
                    update.Parameters["@index"].Value = protector.Index.Of(field, plaintext);
                }

                written += await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            last = batch[^1].Key;
        }
    }

    /// <summary>The next rows after <paramref name="after"/> in key order (a row-value comparison for a composite key).</summary>
    private static async Task<List<(object[] Key, string Stored)>> ReadBatchAsync(
        DbConnection connection, ProtectedColumn column, string keepPrefix, object[]? after, CancellationToken cancellationToken)
    {
        var keys = string.Join(", ", column.Key);
        var parameters = string.Join(", ", column.Key.Select((_, i) => $"@k{i}"));
        var next = after is null ? string.Empty : column.Key.Count == 1 ? $"{keys} > {parameters} AND " : $"({keys}) > ({parameters}) AND ";
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {keys}, {column.Column} FROM {column.Table} WHERE {next}{column.Column} IS NOT NULL " +
            $"AND substr({column.Column}, 1, {keepPrefix.Length}) <> @keep ORDER BY {keys} LIMIT {BatchSize}";
        for (var i = 0; after is not null && i < after.Length; i++)
        {
            Add(command, $"@k{i}", after[i]);
        }

        Add(command, "@keep", keepPrefix);
        var rows = new List<(object[], string)>(BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new object[column.Key.Count];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = reader.GetValue(i);
            }

            rows.Add((key, reader.GetString(key.Length)));
        }

        return rows;
    }

    // The key parameters start with a real key, so each provider binds them with the key's type.
    private static DbCommand Update(DbConnection connection, ProtectedColumn column, IDbContextTransaction transaction, object[] firstKey)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var index = column.IndexColumn is { } indexColumn ? $", {indexColumn} = @index" : string.Empty;
        var row = string.Join(" AND ", column.Key.Select((name, i) => $"{name} = @k{i}"));
        command.CommandText = $"UPDATE {column.Table} SET {column.Column} = @value{index} WHERE {row} AND {column.Column} = @stored";
        Add(command, "@value", string.Empty);
        Add(command, "@stored", string.Empty);
        for (var i = 0; i < column.Key.Count; i++)
        {
            Add(command, $"@k{i}", firstKey[i]);
        }

        if (column.IndexColumn is not null)
        {
            Add(command, "@index", string.Empty);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
