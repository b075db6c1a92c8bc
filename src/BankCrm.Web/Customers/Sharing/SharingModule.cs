using BankCrm.Web.Identity;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Authentication;

namespace BankCrm.Web.Customers.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddCustomerSharing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SharingOptions>() ?? new SharingOptions();
        if (options.MaxShareDays < 1)
        {
            throw new InvalidOperationException($"Security:MaxShareDays must be at least 1 (is {options.MaxShareDays}).");
        }

        services.AddMemoryCache();
        services.AddSingleton(options);
        services.AddSingleton<SharedCustomersCache>();
        services.AddSingleton<SharingOperations>();
        services.AddScoped<IClaimsTransformation, SharedCustomersTransformation>();
        return services;
    }
}
