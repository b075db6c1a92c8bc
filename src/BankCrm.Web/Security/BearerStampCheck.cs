using System.Security.Claims;
using BankCrm.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BankCrm.Web.Security;

/// <summary>
/// Bearer tokens carry the user's security stamp but, unlike the cookie, are not re-checked by Identity: a token
/// issued before a role change, a lock or a logout would keep its old rights for its whole hour. This check compares
/// the stamp on every API request with the stored one, cached for <see cref="CacheFor"/> per user and dropped at once
/// when this node changes it, so a change takes effect immediately here and within 30 seconds on other nodes.
/// </summary>
public sealed class BearerStampCheck(IMemoryCache cache, CrmDbContextFactory factory, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public void Forget(string userId) => cache.Remove(Key(userId));

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var stored = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = factory.CreateDbContext();
            return await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        });
        return stored is not null && string.Equals(stored, stamp, StringComparison.Ordinal);
    }

    private static string Key(string userId) => "stamp:" + userId;
}

public static class BearerStampCheckMiddleware
{
    /// <summary>After authentication: a bearer request whose stamp is no longer current is answered 401.</summary>
    public static IApplicationBuilder UseBearerStampCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (bearer && context.User.Identity?.IsAuthenticated == true
                && !await context.RequestServices.GetRequiredService<BearerStampCheck>().IsCurrentAsync(context.User, context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(context);
        });
}
