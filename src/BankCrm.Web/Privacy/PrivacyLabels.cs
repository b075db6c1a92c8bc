using System.Globalization;
using System.Resources;
using BankCrm.Core.Engagement;
using BankCrm.Core.Privacy;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Privacy;

/// <summary>Words for request kinds, channels, statuses and deadlines (Resources/PrivacyText.resx).</summary>
public static class PrivacyLabels
{
    private static readonly ResourceManager Resources = new(typeof(PrivacyText));

    public static string Of(RequestKind kind) => Lookup("Kind." + kind);

    public static string Of(RequestChannel channel) => Lookup("Channel." + channel);

    public static string Of(RequestStatus status) => Lookup("Status." + status);

    public static string Of(CorrectionState state) => Lookup("Correction." + state);

    public static string Of(AppEventKind kind) => Lookup("AppEvent." + kind);

    private static string Lookup(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
