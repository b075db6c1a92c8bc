using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BankCrm.Data.Protection;

/// <summary>
/// AES-256-GCM encryption of single text fields. A value is stored as <c>v1:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>
/// with a random 96-bit nonce, so equal values encrypt differently (exact search goes through <see cref="BlindIndex"/>).
/// The key id is authenticated as associated data: a ciphertext moved under another key id does not decrypt.
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "v1:";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly KeyRing ring;

    // AesGcm instances are not safe for concurrent use; a small pool per key avoids a native context per value.
    private readonly ConcurrentDictionary<string, ConcurrentBag<AesGcm>> pools = new(StringComparer.Ordinal);

    public FieldCipher(KeyRing ring) => this.ring = ring;

    public string ActiveKeyId => ring.ActiveKeyId;

    /// <summary>True for a value written by <see cref="Encrypt"/>; plaintext left from before encryption is false.</summary>
    public static bool IsEncrypted(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The key id of an encrypted value, or null for plaintext.</summary>
    public static string? KeyIdOf(string value)
    {
        if (!IsEncrypted(value))
        {
            return null;
        }

        var end = value.IndexOf(':', Prefix.Length);
        return end < 0 ? null : value[Prefix.Length..end];
    }

    public string Encrypt(string plaintext)
    {
        var keyId = ring.ActiveKeyId;
        var input = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceBytes + input.Length + TagBytes];
        var nonce = payload.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        var aes = Rent(keyId);
        try
        {
            aes.Encrypt(nonce, input, payload.AsSpan(NonceBytes, input.Length), payload.AsSpan(NonceBytes + input.Length), Encoding.ASCII.GetBytes(keyId));
        }
        finally
        {
            Return(keyId, aes);
        }

        return string.Concat(Prefix, keyId, ":", Convert.ToBase64String(payload));
    }

    /// <summary>
    /// Decrypts a value written by <see cref="Encrypt"/>. A value without the <c>v1:</c> prefix is plaintext not yet
    /// encrypted (see <see cref="ProtectedColumnSweep"/>) and comes back unchanged.
    /// </summary>
    public string Decrypt(string stored)
    {
        if (!IsEncrypted(stored))
        {
            return stored;
        }

        var keyEnd = stored.IndexOf(':', Prefix.Length);
        if (keyEnd < 0)
        {
            throw new FieldDecryptionException("Encrypted field is malformed: no key id.");
        }

        var keyId = stored[Prefix.Length..keyEnd];
        if (!ring.Keys.ContainsKey(keyId))
        {
            throw new FieldDecryptionException($"Encrypted field uses key id '{keyId}', which is not in the key ring (known: {string.Join(", ", ring.Keys.Keys)}).");
        }

        var encoded = stored.AsSpan(keyEnd + 1);
        var payload = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, payload, out var length) || length < NonceBytes + TagBytes)
        {
            throw new FieldDecryptionException($"Encrypted field under key '{keyId}' is malformed: not base64 or too short.");
        }

        var cipherLength = length - NonceBytes - TagBytes;
        var output = new byte[cipherLength];
        var aes = Rent(keyId);
        try
        {
            aes.Decrypt(payload.AsSpan(0, NonceBytes), payload.AsSpan(NonceBytes, cipherLength), payload.AsSpan(NonceBytes + cipherLength, TagBytes), output, Encoding.ASCII.GetBytes(keyId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new FieldDecryptionException($"Encrypted field under key '{keyId}' failed authentication: it was altered or belongs to another key.", ex);
        }
        finally
        {
            Return(keyId, aes);
        }

        return Encoding.UTF8.GetString(output);
    }

    private AesGcm Rent(string keyId) =>
        pools.TryGetValue(keyId, out var pool) && pool.TryTake(out var aes) ? aes : new AesGcm(ring.Keys[keyId], TagBytes);

    private void Return(string keyId, AesGcm aes)
    {
        var pool = pools.GetOrAdd(keyId, _ => []);
        if (pool.Count < Environment.ProcessorCount * 2)
        {
            pool.Add(aes);
        }
        else
        {
            aes.Dispose();
        }
    }
}

/// <summary>A stored value that cannot be decrypted: altered, truncated, or under a key the ring does not hold.</summary>
public sealed class FieldDecryptionException : CryptographicException
{
    public FieldDecryptionException(string message)
        : base(message)
    {
    }

    public FieldDecryptionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
