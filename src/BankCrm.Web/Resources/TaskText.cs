namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;TaskText&gt;: Resources/TaskText.resx (zh-CN, neutral) and TaskText.en.resx.</summary>
public sealed class TaskText;
