using BankCrm.Core.Common;

namespace BankCrm.Core.Customers;

public enum SearchTermKind
{
    Name = 1,
    CustomerNumber = 2,
    IdNumber = 3,
    Mobile = 4,
}

/// <summary>
/// What a user typed into the search box, recognised as a customer number, an ID number (resident ID or
/// credit code), a mobile number, or otherwise part of a name. Identifiers match exactly; names by substring.
/// </summary>
public sealed record SearchTerm(SearchTermKind Kind, string Value)
{
    public static SearchTerm? Recognise(string? input)
    {
        var cleaned = TextNormalizer.Clean(input);
        if (cleaned.Length == 0)
        {
            return null;
        }

        var compact = TextNormalizer.Compact(cleaned).ToUpperInvariant();
        if (CustomerNumber.IsWellFormed(compact))
        {
            return new SearchTerm(SearchTermKind.CustomerNumber, compact);
        }

        if (compact.Length == 18 && compact.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return new SearchTerm(SearchTermKind.IdNumber, compact);
        }

        if (compact.Length == 18 && compact.All(c => UnifiedSocialCreditCode.Alphabet.Contains(c, StringComparison.Ordinal)) && compact.Any(char.IsAsciiLetter))
        {
            return new SearchTerm(SearchTermKind.IdNumber, compact);
        }

        if (MobileNumber.Parse(compact) is { IsValid: true } mobile)
        {
            return new SearchTerm(SearchTermKind.Mobile, mobile.Value!.Value);
        }

        return new SearchTerm(SearchTermKind.Name, Truncate(cleaned, CustomerValidator.MaxNameLength));
    }

    /// <summary>Cut to a length without splitting a surrogate pair: half a pair cannot be sent to PostgreSQL (found by fuzzing).</summary>
    private static string Truncate(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }

    /// <summary>
    /// The grams a name must contain for a substring match: the character itself for one-character
    /// queries, otherwise every adjacent pair. The PostgreSQL name index stores the same grams.
    /// </summary>
    public static IReadOnlyList<string> NameGrams(string value)
    {
        // Code points, not UTF-16 units, because PostgreSQL's substr() counts code points.
        var elements = value.EnumerateRunes().Select(r => r.ToString()).ToList();

        if (elements.Count <= 1)
        {
            return elements;
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < elements.Count; i++)
        {
            grams.Add(elements[i] + elements[i + 1]);
        }

        return [.. grams];
    }
}
