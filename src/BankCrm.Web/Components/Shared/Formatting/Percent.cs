using System.Globalization;

namespace BankCrm.Web.Components.Shared.Formatting;

public static class Percent
{
    /// <summary>A ratio (0.031) as a percentage with one decimal (3.1%).</summary>
    public static string Format(decimal ratio) =>
        Math.Round(ratio * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>, or null when there was nothing before to compare with.</summary>
    public static decimal? Change(decimal before, decimal after) => before == 0 ? null : (after - before) / Math.Abs(before);
}
