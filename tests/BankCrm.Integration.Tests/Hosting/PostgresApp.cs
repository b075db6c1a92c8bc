using BankCrm.Data.Database;
using Npgsql;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// The app over a fresh PostgreSQL database named bankcrm_t_…, created here and dropped afterwards.
/// The server comes from BANKCRM_TEST_PG; without it these tests fail, they are never skipped.
/// </summary>
public class PostgresApp : BankCrmApp
{
    public const string ServerVariable = "BANKCRM_TEST_PG";

    private readonly string database = "bankcrm_t_" + Guid.NewGuid().ToString("N")[..12];
    private string? adminConnectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set, so the PostgreSQL tests cannot run. Set it to a server where the role may create databases, " +
                $"e.g. {ServerVariable}=\"Host=127.0.0.1;Port=5432;Username=bankcrm;Password=bankcrm\" (./test.sh does this).");
        }

        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false, Timeout = 10 };
        adminConnectionString = admin.ConnectionString;
        try
        {
            // template0: a cluster initialised under the C locale has an SQL_ASCII template1 that cannot make UTF-8 copies.
            await ExecuteAsync($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8'");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {admin.Host}:{admin.Port} (from {ServerVariable}) is unreachable or refused CREATE DATABASE as {admin.Username}: {ex.Message}", ex);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (adminConnectionString is null)
        {
            return;
        }

        // Plain DROP (not WITH (FORCE)): PostgreSQL itself stops an autovacuum worker on the database, whereas
        // FORCE would need the right to terminate that superuser-owned process and fail now and then.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\"");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
