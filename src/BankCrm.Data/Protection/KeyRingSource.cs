using Microsoft.Extensions.Configuration;

namespace BankCrm.Data.Protection;

/// <summary>
/// Where the key ring comes from. Configured keys win (<c>Encryption:Keys:&lt;id&gt;</c> base64,
/// <c>Encryption:ActiveKeyId</c>, <c>Encryption:BlindIndexKey</c>: production, from a secret store or environment);
/// otherwise the key file <c>Encryption:KeyFile</c>, by default <c>bankcrm.keys.json</c> in the data folder.
/// </summary>
public static class KeyRingSource
{
    public static FieldProtector Load(IConfiguration configuration, string dataFolder)
    {
        var section = configuration.GetSection("Encryption:Keys");
        var configured = section.GetChildren().ToList();
        if (configured.Count > 0)
        {
            var active = configuration["Encryption:ActiveKeyId"];
            var blind = configuration["Encryption:BlindIndexKey"];
            if (string.IsNullOrWhiteSpace(active) || string.IsNullOrWhiteSpace(blind))
            {
                throw new InvalidOperationException("Encryption:Keys is set, so Encryption:ActiveKeyId and Encryption:BlindIndexKey must be set too.");
            }

            var keys = configured.ToDictionary(k => k.Key, k => FromBase64(k.Value, $"Encryption:Keys:{k.Key}"), StringComparer.Ordinal);
            return new FieldProtector(new KeyRing(keys, active, FromBase64(blind, "Encryption:BlindIndexKey")));
        }

        var path = configuration["Encryption:KeyFile"] is { Length: > 0 } file ? file : Path.Combine(dataFolder, KeyFile.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FieldProtector(KeyFile.LoadOrCreate(path), path);
    }

    private static byte[] FromBase64(string? value, string setting)
    {
        try
        {
            return Convert.FromBase64String(value ?? string.Empty);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{setting} is not base64.", ex);
        }
    }
}
