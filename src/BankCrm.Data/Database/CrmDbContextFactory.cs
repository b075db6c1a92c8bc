using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace BankCrm.Data.Database;

/// <summary>Creates the context for the configured provider; Blazor components use it for one unit of work each.</summary>
public sealed class CrmDbContextFactory : IDbContextFactory<CrmDbContext>
{
    private readonly PooledDbContextFactory<SqliteCrmDbContext>? sqlite;
    private readonly PooledDbContextFactory<PostgresCrmDbContext>? postgres;

    public CrmDbContextFactory(DatabaseOptions options, ILoggerFactory? loggerFactory = null)
    {
        Options = options;
        var protector = options.Protector ?? throw new InvalidOperationException("DatabaseOptions.Protector is not set: load the keys with KeyRingSource (DataModule.ReadOptions does).");
        if (options.Provider == DatabaseProvider.Postgres)
        {
            postgres = new PooledDbContextFactory<PostgresCrmDbContext>(new DbContextOptionsBuilder<PostgresCrmDbContext>()
                .UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
                .UseSnakeCaseNamingConvention()
                .UseLoggerFactory(loggerFactory)
                .UseFieldProtection(protector)
                .Options);
        }
        else
        {
            if (SqliteFilePath(options.ConnectionString) is { } file)
            {
                OwnerOnly.PrepareSqliteFile(file);
            }

            sqlite = new PooledDbContextFactory<SqliteCrmDbContext>(new DbContextOptionsBuilder<SqliteCrmDbContext>()
                .UseSqlite(options.ConnectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
                .UseSnakeCaseNamingConvention()
                .UseLoggerFactory(loggerFactory)
                .UseFieldProtection(protector)
                .Options);
        }
    }

    public DatabaseOptions Options { get; }

    /// <summary>The database file a SQLite connection string names, or null for an in-memory or URI data source.</summary>
    public static string? SqliteFilePath(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(source)
            : null;
    }

    /// <summary>Contexts come from a pool: per-request setup is measurable at hundreds of requests per second.</summary>
    public CrmDbContext CreateDbContext() =>
        postgres is not null ? postgres.CreateDbContext() : sqlite!.CreateDbContext();
}
