using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Security;

/// <summary>Session, password, header and rate-limit hardening of the web app (docs/security.md).</summary>
public static class SecurityModule
{
    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(options);
        services.Configure<IdentityOptions>(identity =>
        {
            // Length is the rule; composition rules only push people to "Aa123456" (checklist A3).
            identity.Password.RequiredLength = 8;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            identity.Password.RequiredUniqueChars = 1;
            identity.Lockout.AllowedForNewUsers = true;
        });
        services.AddScoped<IPasswordValidator<StaffUser>, CommonPasswordValidator>();
        services.AddScoped<IdentityErrorDescriber, ChineseIdentityErrors>();
        services.AddSessionCookie(options);
        services.AddBankCrmRateLimits(options);
        services.AddScoped<CircuitRevalidation>();
        services.AddMemoryCache();
        services.AddSingleton<BearerStampCheck>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(sp => sp.GetRequiredService<CircuitRevalidation>());
        return services;
    }

    /// <summary>Headers first, so that every response (errors and static files included) carries them.</summary>
    public static IApplicationBuilder UseWebSecurity(this IApplicationBuilder app) => app.UseSecurityHeaders();

    /// <summary>After authentication: the limiter keys the API by the signed-in user.</summary>
    public static IApplicationBuilder UseWebRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();
}
