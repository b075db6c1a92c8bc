using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Organization;
using BankCrm.Web.Audit;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Identity;

/// <summary>TOTP sign-in, step-up and the reveal of sensitive identifiers.</summary>
public static class MfaModule
{
    public const int RecoveryCodeCount = 10;

    public static IServiceCollection AddStaffMfa(this IServiceCollection services)
    {
        services.AddTransient<ReplayProtectedTotpProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[ReplayProtectedTotpProvider.Name] = new TokenProviderDescriptor(typeof(ReplayProtectedTotpProvider));
            options.Tokens.AuthenticatorTokenProvider = ReplayProtectedTotpProvider.Name;
        });
        services.AddScoped<StepUp>();
        services.AddScoped<SensitiveReveal>();
        return services;
    }

    /// <summary>
    /// With Security:RequireMfa on, a session that was opened with the password alone reaches only the enrolment
    /// and sign-out pages (checklist A7); the API answers 401 to it.
    /// </summary>
    public static IApplicationBuilder UseRequiredMfa(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<SecurityOptions>();
            var user = context.User;
            if (!options.RequireMfa || user.Identity?.IsAuthenticated != true || user.HasClaim("amr", "mfa") ||
                user.Identity.AuthenticationType != IdentityConstants.ApplicationScheme || IsAllowedWithoutMfa(context.Request.Path))
            {
                return next(context);
            }

            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }

            context.Response.Redirect("/account/mfa/setup");
            return Task.CompletedTask;
        });

    public static IEndpointRouteBuilder MapMfaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/customers/{id:long}/identifiers/reveal", RevealAsync)
            .RequireAuthorization(Permissions.SensitiveReveal)
            .WithName("RevealCustomerIdentifiers")
            .WithSummary("Full ID number and mobile of one customer; needs a TOTP step-up within 15 minutes in this browser session.")
            .WithTags("Customers");
        return app;
    }

    internal static async Task<Results<Ok<SensitiveIdentifiers>, NotFound, ProblemHttpResult>> RevealAsync(
        long id, ClaimsPrincipal user, SensitiveReveal reveal, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var result = await reveal.RevealAsync(user, id, cancellationToken);
        if (result.Status == SensitiveReveal.Status.NotFound)
        {
            await audit.DeniedIfExistsAsync(user.ToActor(), id, "reveal", cancellationToken);
        }

        return result.Status switch
        {
            SensitiveReveal.Status.Revealed => TypedResults.Ok(result.Values!),
            SensitiveReveal.Status.NotEnrolled => TypedResults.Problem(title: "请先启用动态口令（TOTP）", detail: "查看完整证件号和手机号需要二次验证，请先在 /account/mfa/setup 绑定验证器。", statusCode: StatusCodes.Status403Forbidden),
            SensitiveReveal.Status.StepUpRequired => TypedResults.Problem(title: "需要二次验证", detail: "请在 /account/step-up 输入动态口令并说明查看目的，15 分钟内有效。", statusCode: StatusCodes.Status403Forbidden),
            SensitiveReveal.Status.Forbidden => TypedResults.Problem(title: "无权查看完整信息", statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.NotFound(),
        };
    }

    private static bool IsAllowedWithoutMfa(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        Path.HasExtension(path.Value);
}
