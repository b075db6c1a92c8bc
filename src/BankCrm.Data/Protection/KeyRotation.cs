using BankCrm.Data.Database;

namespace BankCrm.Data.Protection;

/// <summary>
/// <c>keys rotate</c>: with a key file, adds a new random key, makes it active and saves the file (old keys stay, so
/// values and backups under them remain readable); with configured keys the operator has already added the new key
/// and set <c>Encryption:ActiveKeyId</c>. Then every value not under the active key is re-encrypted.
/// </summary>
public static class KeyRotation
{
    public sealed record Outcome(string PreviousKeyId, string ActiveKeyId, bool NewKeyCreated, long RowsReencrypted);

    public static async Task<Outcome> RotateAsync(DatabaseOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var current = options.Protector ?? throw new InvalidOperationException("DatabaseOptions.Protector is not set.");
        var rotated = current;
        if (current.KeyFile is { } path)
        {
            var ring = KeyFile.Read(path).WithNewActiveKey();
            KeyFile.Write(path, ring, overwrite: true);
            rotated = new FieldProtector(ring, path);
            progress?.Report($"new key {ring.ActiveKeyId} written to {path} and made active; {ring.Keys.Count - 1} older key(s) kept for reading");
        }

        var factory = new CrmDbContextFactory(new DatabaseOptions { Provider = options.Provider, ConnectionString = options.ConnectionString, Protector = rotated });
        var rows = await ProtectedColumnSweep.ReencryptAsync(factory, progress, cancellationToken);
        return new Outcome(current.Ring.ActiveKeyId, rotated.Ring.ActiveKeyId, !ReferenceEquals(current, rotated), rows);
    }
}
