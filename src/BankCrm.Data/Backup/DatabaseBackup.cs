using BankCrm.Data.Database;

namespace BankCrm.Data.Backup;

/// <summary>
/// backup FILE / restore FILE for the configured database. A restore verifies the package (manifest, SHA-256)
/// before touching the database, refuses to overwrite data unless forced, and afterwards recounts every table
/// against the manifest.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<BackupManifest> BackupAsync(DatabaseOptions options, string packagePath, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("bankcrm-backup-");
        try
        {
            var createdAt = time.GetUtcNow();
            var databaseCopy = Path.Combine(work.FullName, "database");
            var manifest = options.Provider == DatabaseProvider.Postgres
                ? await PostgresBackup.DumpAsync(options.ConnectionString, databaseCopy, createdAt, cancellationToken)
                : await SqliteBackup.SnapshotAsync(options.ConnectionString, databaseCopy, createdAt, cancellationToken);
            await BackupPackage.WriteAsync(Path.GetFullPath(packagePath), manifest, databaseCopy, cancellationToken);
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Verifies the package without restoring it.</summary>
    public static async Task<BackupManifest> VerifyAsync(string packagePath, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("bankcrm-restore-");
        try
        {
            return await BackupPackage.ReadAndVerifyAsync(packagePath, Path.Combine(work.FullName, "database"), cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public static async Task<BackupManifest> RestoreAsync(DatabaseOptions options, string packagePath, bool force, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("bankcrm-restore-");
        try
        {
            var databaseCopy = Path.Combine(work.FullName, "database");
            var manifest = await BackupPackage.ReadAndVerifyAsync(packagePath, databaseCopy, cancellationToken);
            if (manifest.Provider != options.Provider)
            {
                throw new BackupException($"备份来自 {manifest.Provider}，当前配置的数据库是 {options.Provider}；请在同类数据库上恢复。");
            }

            var before = await CurrentCountsAsync(options, create: true, cancellationToken);
            if (TableCounter.DataRows(before) > 0 && !force)
            {
                throw new BackupException($"目标数据库不是空的（{TableCounter.DataRows(before):N0} 行）。确认要覆盖时请加 --force。", exitCode: 2);
            }

            if (options.Provider == DatabaseProvider.Postgres)
            {
                await PostgresBackup.RestoreAsync(options.ConnectionString, databaseCopy, cancellationToken);
            }
            else
            {
                SqliteBackup.ReplaceFile(databaseCopy, SqliteBackup.DatabasePath(options.ConnectionString));
            }

            var after = await CurrentCountsAsync(options, create: false, cancellationToken);
            var mismatches = Mismatches(manifest.RowCounts, after);
            if (mismatches.Count > 0)
            {
                throw new BackupException("恢复后的行数与备份清单不符: " + string.Join("; ", mismatches));
            }

            if (manifest.AuditChain is { } expectedHead && await AuditChainHeadAsync(options, cancellationToken) is var restoredHead && restoredHead != expectedHead)
            {
                throw new BackupException(
                    $"恢复后的审计链末条与备份清单不符: 清单 {expectedHead.Entries} 条、末条 #{expectedHead.LastId} {expectedHead.LastHash}，" +
                    $"恢复后 {restoredHead?.Entries} 条、末条 #{restoredHead?.LastId} {restoredHead?.LastHash}");
            }

            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<SortedDictionary<string, long>> CurrentCountsAsync(DatabaseOptions options, bool create, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return await PostgresBackup.EnsureAndCountAsync(options.ConnectionString, create, cancellationToken);
        }

        var path = SqliteBackup.DatabasePath(options.ConnectionString);
        return File.Exists(path) ? (await SqliteBackup.CountAsync(path, cancellationToken)).Counts : new SortedDictionary<string, long>(StringComparer.Ordinal);
    }

    private static async Task<AuditChainHead?> AuditChainHeadAsync(DatabaseOptions options, CancellationToken cancellationToken) =>
        options.Provider == DatabaseProvider.Postgres
            ? await PostgresBackup.AuditChainHeadAsync(options.ConnectionString, cancellationToken)
            : (await SqliteBackup.CountAsync(SqliteBackup.DatabasePath(options.ConnectionString), cancellationToken)).AuditChain;

    private static List<string> Mismatches(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual) =>
    [
        .. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(t => expected.GetValueOrDefault(t, -1) != actual.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: 清单 {Show(expected, t)}, 恢复后 {Show(actual, t)}"),
    ];

    private static string Show(IReadOnlyDictionary<string, long> counts, string table) =>
        counts.TryGetValue(table, out var n) ? n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "无此表";
}
