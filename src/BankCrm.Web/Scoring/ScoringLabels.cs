using System.Globalization;
using System.Resources;
using BankCrm.Core.Segmentation;
using BankCrm.Web.Resources;
using MudBlazor;

namespace BankCrm.Web.Scoring;

/// <summary>Words and colours for classes, tiers, stages, run states and needs (Resources/ScoringText.resx).</summary>
public static class ScoringLabels
{
    private static readonly ResourceManager Resources = new(typeof(ScoringText));

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Resources.GetString($"{typeof(TEnum).Name}.{value}", CultureInfo.CurrentUICulture) ?? value.ToString();

    public static string Need(string code) => Resources.GetString("Need." + code, CultureInfo.CurrentUICulture) ?? code;

    public static Color ColorOf(CustomerClass value) => value switch
    {
        CustomerClass.Strategic => Color.Primary,
        CustomerClass.Growth => Color.Success,
        CustomerClass.Attention => Color.Warning,
        _ => Color.Default,
    };

    public static Color ColorOf(LifecycleStage value) => value == LifecycleStage.DeclineWarning ? Color.Error : Color.Info;

    /// <summary>Probability 0–1 as a percentage with one decimal.</summary>
    public static string Probability(double value) =>
        Math.Round(value * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
