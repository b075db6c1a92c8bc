using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Protection;

/// <summary>How many stored values of one encrypted column are under each key id; <see cref="Plaintext"/> for values not yet encrypted.</summary>
public sealed record KeyUsage(string Table, string Column, string KeyId, long Rows)
{
    public const string Plaintext = "(plaintext)";

    /// <summary>One grouped count per column, done by the database.</summary>
    public static async Task<IReadOnlyList<KeyUsage>> CountAsync(CrmDbContextFactory factory, CancellationToken cancellationToken)
    {
        var usage = new List<KeyUsage>();
        await using var db = factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var column in ProtectedColumns.All)
            {
                var keyId = db.Provider == DatabaseProvider.Postgres
                    ? $"split_part({column.Column}, ':', 2)"
                    : $"substr({column.Column}, 4, instr(substr({column.Column}, 4), ':') - 1)";
                await using var command = connection.CreateCommand();
                command.CommandText =
                    $"SELECT CASE WHEN substr({column.Column}, 1, 3) = 'v1:' THEN {keyId} ELSE '{Plaintext}' END AS key_id, COUNT(*) " +
                    $"FROM {column.Table} WHERE {column.Column} IS NOT NULL GROUP BY 1 ORDER BY 1";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    usage.Add(new KeyUsage(column.Table.Trim('"'), column.Column, reader.GetString(0), reader.GetInt64(1)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return usage;
    }
}
