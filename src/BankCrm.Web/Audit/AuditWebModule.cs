using BankCrm.Data.Audit;

namespace BankCrm.Web.Audit;

public static class AuditWebModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddAudit();
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuditClientAddress, HttpClientAddress>();
        services.AddSingleton<CustomerAudit>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();
        return services;
    }
}
