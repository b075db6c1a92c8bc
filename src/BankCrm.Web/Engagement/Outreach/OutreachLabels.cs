using System.Globalization;
using System.Resources;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Web.Consent;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>Words for message statuses, sources, purposes and preference sources (Resources/OutreachText.resx).</summary>
public static class OutreachLabels
{
    private static readonly ResourceManager Resources = new(typeof(OutreachText));

    public static string Of(MessageStatus status) => Lookup("Status." + status);

    public static string Of(MessageSource source) => Lookup("Source." + source);

    public static string Of(MessagePurpose purpose) => Lookup("Purpose." + purpose);

    public static string Of(PreferenceSource source) => Lookup("PreferenceSource." + source);

    /// <summary>The channel's name; null is a message for the customer's preferred channel, not chosen yet.</summary>
    public static string Of(ContactChannel? channel) => channel is { } c ? ConsentLabels.Of(c) : Lookup("Channel.Preferred");

    public static MudBlazor.Color Color(MessageStatus status) => status switch
    {
        MessageStatus.Sent => MudBlazor.Color.Success,
        MessageStatus.Blocked => MudBlazor.Color.Warning,
        MessageStatus.DeadLetter => MudBlazor.Color.Error,
        MessageStatus.Sending => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    private static string Lookup(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
