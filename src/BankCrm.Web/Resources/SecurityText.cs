namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;SecurityText&gt;: Resources/SecurityText.resx (zh-CN, neutral) and SecurityText.en.resx.</summary>
public sealed class SecurityText;
