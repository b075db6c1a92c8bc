using System.Globalization;
using System.Resources;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Components.Shared.Formatting;

/// <summary>
/// The one place that turns enum values and stored field names into words for the user
/// (Resources/EnumText.resx: Chinese, the neutral language; EnumText.en.resx: English).
/// </summary>
public static class Labels
{
    private static readonly ResourceManager Resources = new(typeof(EnumText));

    /// <summary>The label of an enum value, e.g. ProductCategory.TimeDeposit → 定期存款.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Lookup($"{typeof(TEnum).Name}.{value}") ?? value.ToString();

    public static string Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? Of(v) : "—";

    /// <summary>The label of a customer field as stored in the change history (Mobile → 手机号).</summary>
    public static string Field(string field) => Lookup("Field." + field) ?? field;

    /// <summary>Product risk level R1–R5; products without a rating (deposits, loans) show a dash.</summary>
    public static string Risk(int? level) => level is >= 1 and <= 5 ? "R" + level.Value.ToString(CultureInfo.InvariantCulture) : "—";

    /// <summary>Yes/No in the current language, for flags.</summary>
    public static string YesNo(bool value) => Lookup(value ? "Common.Yes" : "Common.No") ?? (value ? "Yes" : "No");

    private static string? Lookup(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);
}
