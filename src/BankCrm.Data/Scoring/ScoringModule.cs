using BankCrm.Core.Segmentation.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Scoring;

public static class ScoringModule
{
    /// <summary>Registers the scoring run with the thresholds of configuration section <c>Scoring</c> (defaults in ScoringSettings).</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services, ScoringSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ScoringRunner>();
        services.AddScoped<ScoreQueries>();
        return services;
    }

}
