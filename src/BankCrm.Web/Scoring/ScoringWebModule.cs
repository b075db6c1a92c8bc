using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Scoring;

namespace BankCrm.Web.Scoring;

public static class ScoringWebModule
{
    public static IServiceCollection AddScoringModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoring(ReadSettings(configuration));
        services.AddSingleton<ScoringJobs>();
        services.AddSingleton<ScoringOperations>();
        return services;
    }

    /// <summary>Configuration section <c>Scoring</c> over the defaults of <see cref="ScoringSettings"/>.</summary>
    public static ScoringSettings ReadSettings(IConfiguration configuration) =>
        configuration.GetSection("Scoring").Get<ScoringSettings>() ?? new ScoringSettings();
}
