using BankCrm.Data.Protection;

namespace BankCrm.Data.Database;

/// <summary>Bound from the "Database" section and the "Crm" connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The keys of the encrypted columns (see Protection/KeyRingSource); a context cannot be created without them.</summary>
    public FieldProtector? Protector { get; set; }
}
