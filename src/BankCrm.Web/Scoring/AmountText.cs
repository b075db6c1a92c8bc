using System.Text.RegularExpressions;

namespace BankCrm.Web.Scoring;

/// <summary>
/// Amounts inside generated sentences (need evidence, churn reasons: "近 6 个月母婴消费 5 笔，共 ¥1,500.00",
/// "资产余额 90 天内下降 35%（¥12 万 → ¥7.8 万）") are asset details: a caller who may not see those reads "¥***".
/// </summary>
public static partial class AmountText
{
    public const string Hidden = "¥***";

    public static string Shown(string text, bool showAssets) => showAssets ? text : Amount().Replace(text, Hidden);

    /// <summary>The churn reasons stored with a score (one per line), as <paramref name="showAssets"/> allows.</summary>
    public static IReadOnlyList<string> ChurnReasons(string? stored, bool showAssets) =>
        [.. (stored ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(reason => Shown(reason, showAssets))];

    [GeneratedRegex(@"¥\s?-?[0-9][0-9,]*(\.[0-9]+)?(\s?万)?")]
    private static partial Regex Amount();
}
