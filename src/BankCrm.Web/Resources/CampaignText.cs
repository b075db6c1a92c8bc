namespace BankCrm.Web.Resources;

/// <summary>Marker type for IStringLocalizer&lt;CampaignText&gt;: Resources/CampaignText.resx (zh-CN, neutral) and CampaignText.en.resx.</summary>
public sealed class CampaignText;
