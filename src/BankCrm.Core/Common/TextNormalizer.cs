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

        var normalized = value.Normalize(NormalizationForm.FormKC);
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

    private static bool IsInvisible(char ch) =>
        ch is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        || (ch >= '\u202A' && ch <= '\u202E')
        || (ch >= '\u2066' && ch <= '\u2069')
        || (char.IsControl(ch) && ch != '\n' && ch != '\t');
}
