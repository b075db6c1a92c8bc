using System.Globalization;
using System.Security.Claims;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Security;

/// <summary>
/// An open Blazor circuit makes no HTTP requests, so the cookie checks never see it. Every minute this re-checks the
/// circuit's user against the database (security stamp: logout, password change, disabled account) and the absolute
/// session lifetime, and signs the circuit out when either fails (checklist S2, S4).
/// </summary>
internal sealed class CircuitRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, SecurityOptions options, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), authenticationState.User);
    }

    internal async Task<bool> IsStillValidAsync(UserManager<StaffUser> users, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        if (long.TryParse(principal.FindFirstValue(SessionCookie.StartedClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var started) &&
            time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(started) > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
        {
            return false;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return false;
        }

        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return !users.SupportsUserSecurityStamp || stamp == await users.GetSecurityStampAsync(user);
    }
}
