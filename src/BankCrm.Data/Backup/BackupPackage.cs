using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BankCrm.Data.Database;

namespace BankCrm.Data.Backup;

/// <summary>
/// One backup file: a zip holding manifest.json and the database entry. Reading checks the package before
/// anything else happens: the manifest parses, its format is known, and the entry's SHA-256 and size match.
/// </summary>
internal static class BackupPackage
{
    public const string ManifestEntry = "manifest.json";

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static async Task WriteAsync(string packagePath, BackupManifest manifest, string databasePath, CancellationToken cancellationToken)
    {
        // Written next to the target and moved into place, so a failed backup never leaves a half file under the real name.
        // Owner-only: the package is a copy of every customer's data.
        var partial = packagePath + ".partial";
        await using (var file = OwnerOnly.Create(partial))
        await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await using (var entry = await zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(entry, manifest, BackupManifest.Json, cancellationToken);
            }

            await using var database = File.OpenRead(databasePath);
            await using var target = await zip.CreateEntry(manifest.DatabaseEntry, CompressionLevel.Fastest).OpenAsync(cancellationToken);
            await database.CopyToAsync(target, cancellationToken);
        }

        File.Move(partial, packagePath, overwrite: true);
    }

    /// <summary>Reads the manifest and extracts the database entry into <paramref name="extractTo"/>, verifying both.</summary>
    public static async Task<BackupManifest> ReadAndVerifyAsync(string packagePath, string extractTo, CancellationToken cancellationToken)
    {
        if (!File.Exists(packagePath))
        {
            throw new BackupException($"备份文件不存在: {packagePath}");
        }

        try
        {
            await using var zip = await ZipArchive.CreateAsync(File.OpenRead(packagePath), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
            var manifest = await ReadManifestAsync(zip, cancellationToken);
            var entry = zip.GetEntry(manifest.DatabaseEntry) ?? throw new BackupException($"备份文件缺少数据库条目 {manifest.DatabaseEntry}");
            await using (var source = await entry.OpenAsync(cancellationToken))
            await using (var target = OwnerOnly.Create(extractTo))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            var sha = await Sha256Async(extractTo, cancellationToken);
            if (!string.Equals(sha, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException($"备份文件已损坏: 数据库的 SHA-256 为 {sha}，清单记录为 {manifest.Sha256}。未做任何恢复。");
            }

            return manifest;
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or EndOfStreamException)
        {
            throw new BackupException($"备份文件已损坏，无法读取 ({ex.Message})。未做任何恢复。", inner: ex);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new BackupException($"备份文件缺少 {ManifestEntry}，不是 BankCrm 备份。");
        await using var stream = await entry.OpenAsync(cancellationToken);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupManifest.Json, cancellationToken)
            ?? throw new BackupException($"{ManifestEntry} 为空。");
        if (manifest.FormatVersion != BackupManifest.CurrentFormatVersion)
        {
            throw new BackupException($"备份格式版本 {manifest.FormatVersion} 不受支持（本程序支持 {BackupManifest.CurrentFormatVersion}）。");
        }

        if (string.IsNullOrEmpty(manifest.DatabaseEntry) || manifest.DatabaseEntry.Contains('/', StringComparison.Ordinal) || manifest.DatabaseEntry.Contains('\\', StringComparison.Ordinal)
            || manifest.Sha256.Length != 64 || manifest.RowCounts.Count == 0)
        {
            throw new BackupException($"{ManifestEntry} 不完整（数据库条目、SHA-256 或行数缺失）。");
        }

        return manifest;
    }
}
