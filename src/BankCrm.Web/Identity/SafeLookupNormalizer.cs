using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Identity;

/// <summary>
/// Identity's <see cref="UpperInvariantLookupNormalizer"/> calls <see cref="string.Normalize()"/>, which throws on a
/// lone surrogate or a noncharacter (U+FFFE): a user name like that turned a sign-in into a 500. Here such code points
/// become U+FFFD, as do control characters (NUL fails a PostgreSQL query), so the name is simply one no user has.
/// </summary>
internal sealed class SafeLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name);

    public string? NormalizeEmail(string? email) => Normalize(email);

    private static string? Normalize(string? value) => value is null ? null : Replaced(value).Normalize().ToUpperInvariant();

    private static string Replaced(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
            // Control characters too: PostgreSQL cannot take NUL, and no user name holds any of them.
            var valid = status == OperationStatus.Done && !Rune.IsControl(rune) && !(rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE);
            builder.Append(valid ? rune : Rune.ReplacementChar);
            i += Math.Max(consumed, 1);
        }

        return builder.ToString();
    }
}
