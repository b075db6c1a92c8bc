namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;CustomerText&gt;: Resources/CustomerText.resx (zh-CN, neutral) and CustomerText.en.resx.</summary>
public sealed class CustomerText;
