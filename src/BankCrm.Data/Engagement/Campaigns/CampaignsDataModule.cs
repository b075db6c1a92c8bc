using BankCrm.Data.Engagement.Events;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>Campaigns (营销活动) and customer events (沙龙): stores, the launcher and the report.</summary>
public static class CampaignsDataModule
{
    public static IServiceCollection AddCampaignsAndEventsData(this IServiceCollection services)
    {
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<CampaignReports>();
        services.AddSingleton<CampaignMembersQuery>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventAttendance>();
        return services;
    }
}
