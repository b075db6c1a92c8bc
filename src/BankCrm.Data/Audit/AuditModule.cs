using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditGate>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddScoped<AuditLogQuery>();
        return services;
    }
}
