using System.Security.Cryptography;
using System.Text;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Data.Protection;

/// <summary>What a blind index is computed for; part of the HMAC input, so equal values in different columns do not match.</summary>
public enum BlindIndexField
{
    IdNumber = 1,
    Mobile = 2,
    AccountNumber = 3,
}

/// <summary>
/// A keyed blind index: HMAC-SHA256 of the normalised value under a key of its own, truncated to 128 bits, hex. It
/// lets exact search find a row by an equality on an indexed column without storing the value; without the key a
/// dump cannot be searched by guessing (an unkeyed hash of an 18-digit ID number is brute-forced in minutes).
/// </summary>
public sealed class BlindIndex(KeyRing ring)
{
    public const int Length = 32;

    public string Of(BlindIndexField field, string value)
    {
        var normalised = Normalise(field, value);
        var input = Encoding.UTF8.GetBytes(string.Concat(FieldTag(field), ":", normalised));
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(ring.BlindIndexKey, input, hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    public string? OfNullable(BlindIndexField field, string? value) => value is null ? null : Of(field, value);

    /// <summary>
    /// The form identifiers are compared in: full-width folded, no spaces, dashes or dots, upper case (the check letter
    /// X of an ID number); a mobile number without its +86 / 0086 country code.
    /// </summary>
    public static string Normalise(BlindIndexField field, string value) =>
        field == BlindIndexField.Mobile && MobileNumber.Parse(value) is { IsValid: true } mobile
            ? mobile.Value!.Value
            : TextNormalizer.Compact(value).ToUpperInvariant();

    private static string FieldTag(BlindIndexField field) => field switch
    {
        BlindIndexField.IdNumber => "id",
        BlindIndexField.Mobile => "mobile",
        BlindIndexField.AccountNumber => "account",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
