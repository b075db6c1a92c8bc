using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Database;

/// <summary>Creates the context for the configured provider; Blazor components use it for one unit of work each.</summary>
public sealed class CrmDbContextFactory : IDbContextFactory<CrmDbContext>
{
    private readonly DbContextOptions<SqliteCrmDbContext>? sqlite;
    private readonly DbContextOptions<PostgresCrmDbContext>? postgres;

    public CrmDbContextFactory(DatabaseOptions options)
    {
        Options = options;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            postgres = new DbContextOptionsBuilder<PostgresCrmDbContext>()
                .UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
                .UseSnakeCaseNamingConvention()
                .Options;
        }
        else
        {
            sqlite = new DbContextOptionsBuilder<SqliteCrmDbContext>()
                .UseSqlite(options.ConnectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
                .UseSnakeCaseNamingConvention()
                .Options;
        }
    }

    public DatabaseOptions Options { get; }

    public CrmDbContext CreateDbContext() =>
        postgres is not null ? new PostgresCrmDbContext(postgres) : new SqliteCrmDbContext(sqlite!);
}
