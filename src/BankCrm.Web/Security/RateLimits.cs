using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BankCrm.Web.Security;

/// <summary>
/// One global limiter: sign-in posts and token requests per client address (credential stuffing, checklist A1),
/// the API per user (bulk reads, V10). Pages and static files are not limited.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddBankCrmRateLimits(this IServiceCollection services, SecurityOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsSignInPost(context.Request))
                {
                    var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + address, _ => PerMinute(options.LoginRateLimitPerMinute));
                }

                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    // The limiter runs after authentication: keyed by the signed-in user, by address for anonymous calls.
                    var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    return RateLimitPartition.GetFixedWindowLimiter("api:" + who, _ => PerMinute(options.ApiRateLimitPerMinute));
                }

                return RateLimitPartition.GetNoLimiter(string.Empty);
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(title: "请求过于频繁，请稍后再试", detail: "同一来源在一分钟内的请求次数超过了上限。", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        (request.Path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase) ||
         request.Path.StartsWithSegments("/account/step-up", StringComparison.OrdinalIgnoreCase) ||
         request.Path.StartsWithSegments("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase));

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
