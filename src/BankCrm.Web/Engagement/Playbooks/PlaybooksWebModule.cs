using BankCrm.Data.Engagement.Playbooks;

namespace BankCrm.Web.Engagement.Playbooks;

/// <summary>Lifecycle playbooks (经营策略): services, the two scheduler jobs and the HTTP API.</summary>
public static class PlaybooksWebModule
{
    public static IServiceCollection AddPlaybooksModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlaybooks(configuration.GetSection("Playbooks").Get<StepRunnerSettings>() ?? new StepRunnerSettings())
            .AddScoped<Components.Pages.Engagement.Playbooks.PlaybookLabels>();

    public static IEndpointRouteBuilder MapPlaybooksApiV1(this IEndpointRouteBuilder app) => app.MapPlaybookEndpoints().MapJourneyEndpoints();
}
