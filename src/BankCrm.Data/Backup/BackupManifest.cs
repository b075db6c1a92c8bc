using System.Text.Json;
using System.Text.Json.Serialization;
using BankCrm.Data.Database;

namespace BankCrm.Data.Backup;

/// <summary>
/// manifest.json inside a BankCrm backup: what the database file is, where it came from, and what a restore
/// must find again (the row count of every table, the SHA-256 of the database file).
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public DatabaseProvider Provider { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last EF Core migration applied to the backed-up database.</summary>
    public string? SchemaMigration { get; init; }

    /// <summary>The entry of the package holding the database: a SQLite file or a pg_dump custom-format archive.</summary>
    public string DatabaseEntry { get; init; } = string.Empty;

    public long DatabaseBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the database entry.</summary>
    public string Sha256 { get; init; } = string.Empty;

    public SortedDictionary<string, long> RowCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The head of the audit hash chain in the backed-up database (issue 3 item 9): a restore must end with the same
    /// last entry. Null in backups made before it was recorded, and in databases without an audit log.
    /// </summary>
    public AuditChainHead? AuditChain { get; init; }
}

/// <summary>How many audit entries there are, and the id and hash of the last one.</summary>
public sealed record AuditChainHead(long Entries, long LastId, string LastHash);
