using System.Collections.Concurrent;

namespace BankCrm.Web.Customers.ImportCustomers;

/// <summary>
/// Error reports of web imports, kept as temporary files for a day and handed out only to the user who ran the
/// import. Held by this process: on several app nodes the download must reach the node that ran the import.
/// </summary>
public sealed class ImportReportStore(TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankcrm-import-reports");
    private readonly ConcurrentDictionary<Guid, Entry> reports = new();

    public (Guid Id, FileStream Stream) Create(string ownerId)
    {
        RemoveExpired();
        Directory.CreateDirectory(folder);
        var id = Guid.NewGuid();
        var path = Path.Combine(folder, $"{id:N}.csv");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        reports[id] = new Entry(ownerId, path, time.GetUtcNow());
        return (id, stream);
    }

    /// <summary>The report file, or null when it does not exist, has expired or belongs to someone else.</summary>
    public string? Find(Guid id, string ownerId) =>
        reports.TryGetValue(id, out var entry) && entry.OwnerId == ownerId && File.Exists(entry.Path) ? entry.Path : null;

    public void Discard(Guid id)
    {
        if (reports.TryRemove(id, out var entry))
        {
            File.Delete(entry.Path);
        }
    }

    public static string DownloadUrl(Guid id) => $"/api/v1/customers/import/reports/{id:N}";

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, entry) in reports)
        {
            if (now - entry.CreatedAt > KeepFor)
            {
                Discard(id);
            }
        }

        // Reports of a process that stopped before its day was over are left on disk; nobody can fetch them.
        if (Directory.Exists(folder))
        {
            foreach (var orphan in new DirectoryInfo(folder).EnumerateFiles("*.csv").Where(f => now - f.LastWriteTimeUtc > KeepFor))
            {
                orphan.Delete();
            }
        }
    }

    private sealed record Entry(string OwnerId, string Path, DateTimeOffset CreatedAt);
}
