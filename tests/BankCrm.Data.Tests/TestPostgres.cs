using Npgsql;

namespace BankCrm.Data.Tests;

/// <summary>
/// The PostgreSQL server of the tests, named by BANKCRM_TEST_PG (./test.sh sets it). Without it the
/// PostgreSQL tests fail with this message; they are never skipped.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "BANKCRM_TEST_PG";

    /// <summary>A connection string to a database of its own (created and dropped by the test).</summary>
    public static string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(Server()) { Database = $"{prefix}_{Guid.NewGuid():N}", Pooling = false }.ConnectionString;

    /// <summary>
    /// Drops a test database. Plain DROP, because PostgreSQL stops an autovacuum worker on the database by itself,
    /// while EF Core's EnsureDeleted uses WITH (FORCE), which needs the right to terminate that process.
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{Variable} must hold a PostgreSQL connection string for the PostgreSQL tests (./test.sh sets it).");
}
