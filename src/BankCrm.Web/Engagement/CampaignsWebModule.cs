using BankCrm.Data.Engagement.Campaigns;

namespace BankCrm.Web.Engagement;

/// <summary>Campaigns (营销活动) and customer events (沙龙): services and the two API groups.</summary>
public static class CampaignsWebModule
{
    public static IServiceCollection AddCampaignsAndEvents(this IServiceCollection services) => services.AddCampaignsAndEventsData();

    public static IEndpointRouteBuilder MapCampaignsAndEventsApiV1(this IEndpointRouteBuilder app) => app.MapCampaignsApiV1().MapEventsApiV1();
}
