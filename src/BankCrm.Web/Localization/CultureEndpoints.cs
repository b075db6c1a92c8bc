using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace BankCrm.Web.Localization;

public static class CultureEndpoints
{
    /// <summary>Simplified Chinese first: it is the neutral language of the resources and the default for everyone.</summary>
    public static readonly string[] SupportedCultures = ["zh-CN", "en"];

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", SetCulture)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Stores the chosen language in the ASP.NET Core culture cookie and goes back to the page.
    /// A Blazor circuit keeps the culture it started with, so the page must be loaded again.
    /// </summary>
    internal static RedirectHttpResult SetCulture(string? c, string? redirect, HttpContext context)
    {
        var culture = SupportedCultures.FirstOrDefault(s => string.Equals(s, c, StringComparison.OrdinalIgnoreCase)) ?? SupportedCultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return TypedResults.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
    }

    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
