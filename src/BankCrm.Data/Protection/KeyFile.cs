using System.Text.Json;

namespace BankCrm.Data.Protection;

/// <summary>
/// The key ring of a demo or single-server install, kept as JSON in the data folder (never in the database, never in
/// the repository), readable by the file's owner only. Created on first run; rewritten by <c>keys rotate</c>.
/// </summary>
public static class KeyFile
{
    public const string FileName = "bankcrm.keys.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads the ring from <paramref name="path"/>, creating a fresh one there when the file does not exist.</summary>
    public static KeyRing LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            try
            {
                Write(path, KeyRing.Generate(), overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (a second test host, the CLI) created it first: use theirs.
            }
        }

        return Read(path);
    }

    public static KeyRing Read(string path)
    {
        var document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"Key file {path} is empty.");
        try
        {
            return new KeyRing(
                document.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal),
                document.ActiveKeyId,
                Convert.FromBase64String(document.BlindIndexKey));
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"Key file {path} holds a key that is not base64: {ex.Message}", ex);
        }
    }

    /// <summary>Writes the ring with owner-only permissions; replacing an existing file goes through a temporary file and a rename.</summary>
    public static void Write(string path, KeyRing ring, bool overwrite)
    {
        var document = new Document(ring.ActiveKeyId, ring.Keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value), StringComparer.Ordinal), Convert.ToBase64String(ring.BlindIndexKey));
        var target = overwrite ? path + ".tmp" : path;
        var options = new FileStreamOptions { Mode = overwrite ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(target, options))
        {
            JsonSerializer.Serialize(stream, document, Json);
            stream.Flush(flushToDisk: true);
        }

        if (overwrite)
        {
            File.Move(target, path, overwrite: true);
        }
    }

    private sealed record Document(string ActiveKeyId, Dictionary<string, string> Keys, string BlindIndexKey);
}
