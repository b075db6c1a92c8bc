using System.Globalization;
using System.Security.Claims;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Security;

/// <summary>
/// The sign-in cookie as a server-checked session (checklist S2, S3, S6): 15 minutes idle, 8 hours absolute, and the
/// security stamp checked on every request, so that logout (which changes the stamp) kills every copy of the cookie.
/// </summary>
internal static class SessionCookie
{
    /// <summary>When the password was entered, as Unix seconds; carried over every re-issue of the cookie.</summary>
    public const string StartedClaim = "bankcrm:session_started";

    /// <summary>Claims that belong to this sign-in rather than to the user, kept when the principal is rebuilt.</summary>
    public static bool IsSessionClaim(Claim claim) =>
        claim.Type.StartsWith("bankcrm:session", StringComparison.Ordinal) ||
        claim.Type.StartsWith("bankcrm:stepup", StringComparison.Ordinal) ||
        claim.Type == "amr";

    public static IServiceCollection AddSessionCookie(this IServiceCollection services, SecurityOptions options)
    {
        services.Configure<SecurityStampValidatorOptions>(validator =>
        {
            // Zero: every request re-reads the stamp. The default 30 minutes would let a copied cookie outlive logout.
            validator.ValidationInterval = TimeSpan.Zero;
            validator.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.Identity is ClaimsIdentity current && context.NewPrincipal?.Identity is ClaimsIdentity fresh)
                {
                    fresh.AddClaims(current.Claims.Where(IsSessionClaim).Where(c => !fresh.HasClaim(c.Type, c.Value)).Select(c => new Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
            cookie.SlidingExpiration = true;
            cookie.Events.OnSigningIn = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == StartedClaim))
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    identity.AddClaim(new Claim(StartedClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
                }

                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (Started(context.Principal) is not { } started || now - started > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        // The half-signed-in cookie between password and TOTP lives five minutes, never longer.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, twoFactor =>
        {
            twoFactor.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            twoFactor.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            twoFactor.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Ends the session everywhere: the new security stamp invalidates every copy of every cookie of the user.</summary>
    public static async Task SignOutEverywhereAsync(SignInManager<StaffUser> signIn, ClaimsPrincipal principal)
    {
        if (await signIn.UserManager.GetUserAsync(principal) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            signIn.Context.RequestServices.GetService<BearerStampCheck>()?.Forget(user.Id);
        }

        await signIn.SignOutAsync();
    }

    private static DateTimeOffset? Started(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirstValue(StartedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
