using System.Security.Claims;
using BankCrm.Core.Audit;
using BankCrm.Data.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace BankCrm.Web.Audit;

/// <summary>A signed-in user refused a page or endpoint by its policy (checklist L4): who, which path.</summary>
public static class AccessDeniedAudit
{
    public static Task RecordAsync(this AuditTrail trail, ClaimsPrincipal user, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var shown = path.ReplaceLineEndings(" ");
        return trail.RecordAsync(
            new AuditRecord(AuditActions.AccessDenied, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? string.Empty)
            {
                Detail = AuditDetail.Of(new { path = shown.Length > 200 ? shown[..200] : shown }),
            },
            cancellationToken);
    }
}

/// <summary>
/// Records every authorization refusal of a signed-in user before the usual 403 or redirect to /account/denied,
/// for cookie and bearer alike. (An anonymous request is a challenge, not a refusal, and is not recorded.)
/// </summary>
internal sealed class AuditedAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(context.User, context.Request.Path.Value ?? "/", context.RequestAborted);
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
