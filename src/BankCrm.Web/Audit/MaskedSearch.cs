using System.Text.RegularExpressions;
using BankCrm.Core.Customers;

namespace BankCrm.Web.Audit;

/// <summary>
/// A query as the audit log keeps it: staff search by ID number, mobile or name, so search text is masked like the
/// fields it matches (C2 never enters the log in clear); other parameters are kept, each cut to 100 characters.
/// </summary>
public static partial class MaskedSearch
{
    private static readonly string[] SearchParameters = ["q", "search", "query", "name", "mobile", "idNumber"];

    public static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var text = value.Trim();
        if (CustomerNumber().IsMatch(text))
        {
            return text;
        }

        if (Digits().IsMatch(text))
        {
            return text.Length >= 15 ? Masking.IdNumber(text) : Masking.Mobile(text);
        }

        return Masking.Name(text);
    }

    public static Dictionary<string, string?> Of(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var shown = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, values) in query.Take(20))
        {
            var value = values.ToString();
            value = SearchParameters.Contains(key, StringComparer.OrdinalIgnoreCase) ? Text(value) : value;
            shown[key.Length > 50 ? key[..50] : key] = value is { Length: > 100 } ? value[..100] : value;
        }

        return shown;
    }

    [GeneratedRegex(@"^C\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex CustomerNumber();

    [GeneratedRegex(@"^[\d\s\-+]*\d[\dXx]?$")]
    private static partial Regex Digits();
}
