using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Scoring.Churn;

public static class ChurnModule
{
    public static IServiceCollection AddChurnScoring(this IServiceCollection services)
    {
        services.AddSingleton<ChurnModelCache>();
        services.AddScoped<IChurnScorer, ChurnScorer>();
        services.AddScoped<ChurnTraining>();
        return services;
    }
}
