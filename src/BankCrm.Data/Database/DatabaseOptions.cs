namespace BankCrm.Data.Database;

/// <summary>Bound from the "Database" section and the "Crm" connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;
}
