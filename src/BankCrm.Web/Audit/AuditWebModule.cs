using BankCrm.Core.Organization;
using BankCrm.Data.Audit;

namespace BankCrm.Web.Audit;

public static class AuditWebModule
{
    /// <summary>Who may read the audit log and run the chain check.</summary>
    public const string Roles = StaffRole.Auditor + "," + StaffRole.Admin;

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
