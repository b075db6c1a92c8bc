using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>Lifecycle playbooks: the store marketing edits, the trigger evaluator and the step executor the jobs run, and journeys.</summary>
public static class PlaybooksDataModule
{
    public static IServiceCollection AddPlaybooks(this IServiceCollection services, StepRunnerSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<PlaybookStore>();
        services.AddSingleton<JourneyStore>();
        services.AddSingleton<TriggerEvaluator>();
        services.AddSingleton(sp => new StepRunner(
            sp.GetRequiredService<Database.CrmDbContextFactory>(), settings, sp.GetService<Microsoft.Extensions.Logging.ILogger<StepRunner>>()));
        return services;
    }
}
