namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;ScoringText&gt;: Resources/ScoringText.resx (zh-CN, neutral) and ScoringText.en.resx.</summary>
public sealed class ScoringText;
