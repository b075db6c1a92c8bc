using System.Security.Cryptography;
using System.Text;

namespace BankCrm.Data.Protection;

/// <summary>
/// TOTP recovery codes are kept as keyed hashes, never as the codes (checklist A8, K2): a copy of the database, even
/// with the field keys, gives no code to sign in with. Each code is HMAC-SHA256 under the blind-index key (which a key
/// rotation keeps, so the hashes stay valid) over the user id and the normalised code, truncated to 48 bits — as many
/// bits as the code has (10 characters of 26), base64url, 8 characters. The stored token is <c>h1:</c> then the hashes
/// joined by <c>;</c>: for ten codes 92 characters, which still fits the 200-character token column once encrypted.
/// </summary>
public static class RecoveryCodeHashes
{
    public const string Prefix = "h1:";

    /// <summary>Identity's own provider and token name for the recovery codes (UserStoreBase).</summary>
    public const string LoginProvider = "[AspNetUserStore]";
    public const string TokenName = "RecoveryCodes";

    private const int HashBytes = 6;

    public static bool IsHashed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of <paramref name="codes"/>.</summary>
    public static string Store(KeyRing ring, string userId, IEnumerable<string> codes) =>
        Prefix + string.Join(';', codes.Select(code => Of(ring, userId, code)));

    /// <summary>The hashes of a stored value; codes left in clear from before hashing are hashed on the way.</summary>
    public static List<string> Read(KeyRing ring, string userId, string? stored) =>
        stored is null or "" ? []
        : IsHashed(stored) ? [.. stored[Prefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries)]
        : [.. stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(code => Of(ring, userId, code))];

    /// <summary>A stored value in the hashed form: what the startup sweep writes over codes stored in clear.</summary>
    public static string Upgrade(KeyRing ring, string userId, string stored) =>
        IsHashed(stored) ? stored : Prefix + string.Join(';', Read(ring, userId, stored));

    /// <summary>The hash of one code as typed: spaces and dashes ignored, any case.</summary>
    public static string Of(KeyRing ring, string userId, string code)
    {
        var normalised = new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        var input = Encoding.UTF8.GetBytes(string.Concat("recovery-code:", userId, ":", normalised));
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(ring.BlindIndexKey, input, hash);
        return Convert.ToBase64String(hash[..HashBytes]).Replace('+', '-').Replace('/', '_');
    }
}
