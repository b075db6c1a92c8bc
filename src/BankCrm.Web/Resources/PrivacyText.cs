namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;PrivacyText&gt;: Resources/PrivacyText.resx (zh-CN, neutral) and PrivacyText.en.resx.</summary>
public sealed class PrivacyText;
