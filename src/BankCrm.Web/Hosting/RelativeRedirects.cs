namespace BankCrm.Web.Hosting;

/// <summary>
/// Redirects to this app are sent as paths (<c>Location: /account/login?ReturnUrl=%2F</c>), never as absolute URLs
/// built from the request's Host header: the cookie handler and Blazor build <c>http://{Host}/…</c>, so a request with
/// a forged Host (cache poisoning, password-reset style link injection) had that host echoed back. A browser resolves
/// a path against the address it asked, which is always right. <c>AllowedHosts</c> (host filtering) is the second
/// guard in production (README, "Production install").
/// </summary>
internal static class RelativeRedirects
{
    /// <summary>Blazor's enhanced navigation sends its redirect target in this header instead of Location.</summary>
    private const string EnhancedNavigationLocation = "blazor-enhanced-nav-redirect-location";

    public static IApplicationBuilder UseRelativeRedirects(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            MakeRelative(context, Microsoft.Net.Http.Headers.HeaderNames.Location);
            MakeRelative(context, EnhancedNavigationLocation);
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void MakeRelative(HttpContext context, string header)
    {
        var location = context.Response.Headers[header].ToString();
        if (location.Length > 0
            && Uri.TryCreate(location, UriKind.Absolute, out var target)
            && (target.Scheme == Uri.UriSchemeHttp || target.Scheme == Uri.UriSchemeHttps)
            && string.Equals(target.Host, context.Request.Host.Host, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers[header] = target.PathAndQuery + target.Fragment;
        }
    }
}
