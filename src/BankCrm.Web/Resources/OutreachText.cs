namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;OutreachText&gt;: Resources/OutreachText.resx (zh-CN, neutral) and OutreachText.en.resx.</summary>
public sealed class OutreachText;
