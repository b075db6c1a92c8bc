namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;LayoutText&gt;: Resources/LayoutText.resx (zh-CN, neutral) and LayoutText.en.resx.</summary>
public sealed class LayoutText;
