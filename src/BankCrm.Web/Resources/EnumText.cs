namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;EnumText&gt;: Resources/EnumText.resx (zh-CN, neutral) and EnumText.en.resx.</summary>
public sealed class EnumText;
