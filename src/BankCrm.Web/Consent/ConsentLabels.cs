using System.Globalization;
using System.Resources;
using BankCrm.Core.Consent;
using BankCrm.Data.Consent;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Consent;

/// <summary>Words for purposes, channels, sources and states (Resources/ConsentText.resx).</summary>
public static class ConsentLabels
{
    private static readonly ResourceManager Resources = new(typeof(ConsentText));

    /// <summary>营销 · 短信, 用户画像, 第三方共享.</summary>
    public static string Subject(ConsentPurpose purpose, ContactChannel? channel) =>
        channel is { } c ? $"{Of(purpose)} · {Of(c)}" : Of(purpose);

    public static string Of(ConsentPurpose purpose) => Lookup("Purpose." + purpose);

    public static string Of(ContactChannel channel) => Lookup("Channel." + channel);

    public static string Of(ConsentSource source) => Lookup("Source." + source);

    public static string Of(ConsentState state) => Lookup("State." + state);

    private static string Lookup(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
