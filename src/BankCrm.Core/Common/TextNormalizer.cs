using System.Text;

namespace BankCrm.Core.Common;

/// <summary>Normalises what people type or what spreadsheets export before a rule looks at it.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFKC turns full-width digits and letters (１１０１…Ｘ) into ASCII; zero-width and
    /// direction-control characters are removed because they make equal values compare unequal.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var normalized = WithoutInvalidCodePoints(value).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (IsInvisible(ch))
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Removes every space, dash and dot, for identifiers typed in groups.</summary>
    public static string Compact(string? value)
    {
        var cleaned = Clean(value);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var ch in cleaned)
        {
            if (!char.IsWhiteSpace(ch) && ch != '-' && ch != '.')
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lone surrogates and noncharacters (U+FFFE, U+FDD0…) are not text: <see cref="string.Normalize()"/> throws on
    /// them, so they are dropped first, like the invisible characters.
    /// </summary>
    private static string WithoutInvalidCodePoints(string value)
    {
        if (FirstInvalid(value) is not { } first)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length).Append(value, 0, first);
        for (var i = first; i < value.Length;)
        {
            var valid = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) == System.Buffers.OperationStatus.Done;
            if (valid && !IsNoncharacter(rune.Value))
            {
                builder.Append(value, i, consumed);
            }

            i += Math.Max(consumed, 1);
        }

        return builder.ToString();
    }

    private static int? FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done || IsNoncharacter(rune.Value))
            {
                return i;
            }

            i += consumed;
        }

        return null;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsInvisible(char ch) =>
        ch is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || (ch >= '\u202A' && ch <= '\u202E')
        || (ch >= '\u2066' && ch <= '\u2069')
        || (char.IsControl(ch) && ch != '\n' && ch != '\t');
}
