using BankCrm.Data.Consent;
using BankCrm.Data.Customers;
using BankCrm.Data.Scoring.Churn;
using BankCrm.Data.Segmentation;
using BankCrm.Data.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Database;

public static class DataModule
{
    /// <summary>
    /// Registers the database for the configured provider: <c>Database:Provider</c> (Sqlite or Postgres) and
    /// <c>ConnectionStrings:Crm</c>. Without a connection string, SQLite goes to <c>Database:DataFolder</c>.
    /// </summary>
    public static IServiceCollection AddCrmData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        services.AddSingleton(options);
        services.AddSingleton<CrmDbContextFactory>();
        services.AddSingleton<IDbContextFactory<CrmDbContext>>(sp => sp.GetRequiredService<CrmDbContextFactory>());
        services.AddScoped(sp => sp.GetRequiredService<CrmDbContextFactory>().CreateDbContext());
        services.AddScoped<CustomerSearch>();
        services.AddScoped<CustomerStore>();
        services.AddScoped<Customer360Query>();
        services.AddScoped<ConsentStore>();
        services.AddChurnScoring();
        services.AddTagsAndSegments();
        return services;
    }

    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var (provider, connectionString, folder) = ReadLocation(configuration);
        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, Protector = KeyRingSource.Load(configuration, folder) };
    }

    /// <summary>The provider and connection string alone, without loading the field-encryption keys (for the job scheduler).</summary>
    public static (DatabaseProvider Provider, string ConnectionString) ReadConnection(IConfiguration configuration)
    {
        var (provider, connectionString, _) = ReadLocation(configuration);
        return (provider, connectionString);
    }

    private static (DatabaseProvider Provider, string ConnectionString, string KeyFolder) ReadLocation(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Crm");
        var configuredFolder = configuration["Database:DataFolder"] is { Length: > 0 } configured ? configured : null;
        var folder = configuredFolder
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "BankCrm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Crm is not set.");
            }

            OwnerOnly.CreateFolder(folder);
            connectionString = $"Data Source={Path.Combine(folder, "bankcrm.db")}";
        }
        else if (configuredFolder is null && provider == DatabaseProvider.Sqlite && SqliteFolder(connectionString) is { } databaseFolder)
        {
            // A SQLite file named by its connection string keeps its key file beside it (the data folder of that install).
            folder = databaseFolder;
        }

        return (provider, connectionString, folder);
    }

    private static string? SqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetDirectoryName(Path.GetFullPath(source));
    }
}
