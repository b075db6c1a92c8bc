using System.Security.Cryptography;

namespace BankCrm.Data.Protection;

/// <summary>
/// The field-encryption keys (AES-256, by key id) with the one that encrypts new values, and the separate HMAC key of
/// the blind index. Old keys stay in the ring so values written under them remain readable until rotated.
/// </summary>
public sealed class KeyRing
{
    public const int KeyBytes = 32;

    public KeyRing(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId, byte[] blindIndexKey)
    {
        foreach (var (id, key) in keys)
        {
            if (!IsValidKeyId(id))
            {
                throw new ArgumentException($"Encryption key id '{id}' is not valid: use 1 to 32 letters, digits, '-' or '_'.", nameof(keys));
            }

            if (key.Length != KeyBytes)
            {
                throw new ArgumentException($"Encryption key '{id}' has {key.Length} bytes; AES-256 needs {KeyBytes}.", nameof(keys));
            }
        }

        if (!keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active key id '{activeKeyId}' is not among the keys ({string.Join(", ", keys.Keys)}).", nameof(activeKeyId));
        }

        if (blindIndexKey.Length < KeyBytes)
        {
            throw new ArgumentException($"The blind-index key has {blindIndexKey.Length} bytes; it needs at least {KeyBytes}.", nameof(blindIndexKey));
        }

        Keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
        ActiveKeyId = activeKeyId;
        BlindIndexKey = blindIndexKey;
    }

    public IReadOnlyDictionary<string, byte[]> Keys { get; }

    public string ActiveKeyId { get; }

    public byte[] BlindIndexKey { get; }

    /// <summary>A fresh ring with one random key and a random blind-index key.</summary>
    public static KeyRing Generate()
    {
        var id = NewKeyId();
        return new KeyRing(new Dictionary<string, byte[]> { [id] = RandomNumberGenerator.GetBytes(KeyBytes) }, id, RandomNumberGenerator.GetBytes(KeyBytes));
    }

    /// <summary>This ring plus a new random key, which becomes the active one; the blind-index key stays.</summary>
    public KeyRing WithNewActiveKey()
    {
        var id = NewKeyId();
        var keys = new Dictionary<string, byte[]>(Keys, StringComparer.Ordinal) { [id] = RandomNumberGenerator.GetBytes(KeyBytes) };
        return new KeyRing(keys, id, BlindIndexKey);
    }

    public static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string NewKeyId() => "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
