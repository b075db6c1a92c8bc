using System.Globalization;

namespace BankCrm.Web.Components.Shared.Formatting;

/// <summary>How money reads on every screen: ¥1,234,567.89 in tables, ¥123.46万 in tiles (UX.md "Numbers with meaning").</summary>
public static class Money
{
    private const decimal TenThousand = 10_000m;
    private const decimal HundredMillion = 100_000_000m;

    /// <summary>The exact amount with thousands separators and two decimals; the symbol is ¥ in every language because the books are in CNY.</summary>
    public static string Format(decimal amount, string currency = "CNY")
    {
        var sign = amount < 0 ? "-" : string.Empty;
        return sign + Symbol(currency) + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>A signed amount for transaction lists: +¥1,000.00 for money in, -¥1,000.00 for money out.</summary>
    public static string Signed(decimal amount, string currency = "CNY") =>
        amount > 0 ? "+" + Format(amount, currency) : Format(amount, currency);

    /// <summary>
    /// A large figure shortened for a tile: 万 and 亿 in Chinese (¥123.46万), K/M/B in English (¥1.23M).
    /// Amounts below ten thousand are shown in full.
    /// </summary>
    public static string Compact(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var sign = amount < 0 ? "-" : string.Empty;
        var value = Math.Abs(amount);
        if (value < TenThousand)
        {
            return Format(amount);
        }

        var (scaled, unit) = IsChinese(culture)
            ? value >= HundredMillion ? (value / HundredMillion, "亿") : (value / TenThousand, "万")
            : value >= 1_000_000_000m ? (value / 1_000_000_000m, "B") : value >= 1_000_000m ? (value / 1_000_000m, "M") : (value / 1_000m, "K");
        var rounded = Math.Round(scaled, 2, MidpointRounding.AwayFromZero);
        return sign + "¥" + rounded.ToString("#,##0.00", CultureInfo.InvariantCulture) + unit;
    }

    private static string Symbol(string currency) => currency switch
    {
        "CNY" => "¥",
        "USD" => "US$",
        "HKD" => "HK$",
        "EUR" => "€",
        _ => currency + " ",
    };

    private static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase) || culture.Equals(CultureInfo.InvariantCulture);
}
