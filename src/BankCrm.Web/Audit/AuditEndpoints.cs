using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Core.Common;
using BankCrm.Data.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Audit;

public sealed record AuditVerifyResponse(bool Intact, long Entries, string LastHash, long? BrokenAtId, string? Reason, string Message);

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Permissions.AuditRead);
        api.MapGet("/", ListAsync).WithName("ListAuditEntries").WithSummary("The audit log, newest first; filter by user, customer (number or id), action and UTC time range.");
        api.MapPost("/verify", VerifyAsync).WithName("VerifyAuditLog").WithSummary("Check the hash chain; names the first broken entry.");
        return app;
    }

    internal static async Task<Ok<PagedResult<AuditLine>>> ListAsync(
        AuditLogQuery query, string? user, string? customer, string? action, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var filter = new AuditLogFilter
        {
            User = user,
            Customer = customer,
            Action = action,
            From = from?.UtcDateTime,
            To = to?.UtcDateTime,
            Page = page ?? 1,
            PageSize = pageSize ?? 50,
        };
        return TypedResults.Ok(await query.ListAsync(filter, cancellationToken));
    }

    internal static async Task<Ok<AuditVerifyResponse>> VerifyAsync(ClaimsPrincipal user, AuditVerifier verifier, AuditTrail trail, CancellationToken cancellationToken)
    {
        var outcome = await AuditRun.VerifyAsync(verifier, trail, user.ToActor(), progress: null, cancellationToken);
        return TypedResults.Ok(new AuditVerifyResponse(outcome.Intact, outcome.Count, outcome.LastHash, outcome.BrokenAtId, outcome.Reason, AuditRun.Describe(outcome)));
    }
}
