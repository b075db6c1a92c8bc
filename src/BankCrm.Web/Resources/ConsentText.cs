namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;ConsentText&gt;: Resources/ConsentText.resx (zh-CN, neutral) and ConsentText.en.resx.</summary>
public sealed class ConsentText;
