using System.Security.Cryptography;

namespace BankCrm.Web.Security;

/// <summary>Headers sent with every response (checklist D7), written before the response starts.</summary>
internal static class SecurityHeaders
{
    public const string NonceItem = "bankcrm:csp-nonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // A per-response nonce lets the one inline script Blazor writes (the import map) run without 'unsafe-inline'.
            // Hex, so that HTML encoding of the attribute never changes it.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Blazor Server needs no eval; MudBlazor sets inline styles, so only styles allow 'unsafe-inline'.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>The nonce of the current response, for the inline script tags Razor writes.</summary>
    public static string? Nonce(this HttpContext? context) => context?.Items[NonceItem] as string;
}
