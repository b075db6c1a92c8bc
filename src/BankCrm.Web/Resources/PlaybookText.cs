namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;PlaybookText&gt;: Resources/PlaybookText.resx (zh-CN, neutral) and PlaybookText.en.resx.</summary>
public sealed class PlaybookText;
