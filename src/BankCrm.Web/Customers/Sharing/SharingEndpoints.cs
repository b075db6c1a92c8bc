using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Customers.Sharing;

/// <summary>
/// 客户共享: a customer's RM (or branch manager) shares the customer with a colleague for a limited time. Out of scope
/// is 404 (audited as a denied access); in scope but not accountable for the customer is 403.
/// </summary>
public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapCustomerSharingApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:long}/shares").WithTags("Customers").RequireAuthorization(Permissions.CustomersShare);
        api.MapGet("/", ListAsync).WithName("ListCustomerShares").WithSummary("The running shares of a customer, soonest ending first.");
        api.MapPost("/", ShareAsync).WithName("ShareCustomer")
            .WithSummary("Share the customer with a relationship or branch manager until expiresAt (1 hour to Security:MaxShareDays), with a reason.");
        api.MapDelete("/{shareId:long}", RevokeAsync).WithName("RevokeCustomerShare").WithSummary("End a share now; the colleague loses the customer on their next request.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<ShareLine>>, NotFound, ProblemHttpResult>> ListAsync(
        long id, ClaimsPrincipal user, SharingOperations sharing, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        return await sharing.ListActiveAsync(actor, id, cancellationToken) switch
        {
            ShareOutcome.Listed listed => TypedResults.Ok(listed.Lines),
            ShareOutcome.Forbidden => NotAccountable(),
            _ => await DeniedAsync(actor, id, audit, cancellationToken),
        };
    }

    internal static async Task<Results<Created<ShareLine>, NotFound, ValidationProblem, ProblemHttpResult>> ShareAsync(
        long id, ShareCustomerRequest request, ClaimsPrincipal user, SharingOperations sharing, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var outcome = await sharing.ShareAsync(actor, id, new ShareCustomer(request.SharedWithId, request.ExpiresAt?.UtcDateTime, request.Reason), cancellationToken);
        return outcome switch
        {
            ShareOutcome.Shared shared => TypedResults.Created($"/api/v1/customers/{id}/shares/{shared.Line.Id}", shared.Line),
            ShareOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
            ShareOutcome.Forbidden => NotAccountable(),
            _ => await DeniedAsync(actor, id, audit, cancellationToken),
        };
    }

    internal static async Task<Results<Ok<ShareLine>, NotFound, ProblemHttpResult>> RevokeAsync(
        long id, long shareId, ClaimsPrincipal user, SharingOperations sharing, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        return await sharing.RevokeAsync(actor, id, shareId, cancellationToken) switch
        {
            ShareOutcome.Revoked revoked => TypedResults.Ok(revoked.Line),
            ShareOutcome.Forbidden => TypedResults.Problem(title: "无权撤销共享", detail: "只有共享人、客户的客户经理或本支行负责人可以撤销共享。", statusCode: StatusCodes.Status403Forbidden),
            _ => await DeniedAsync(actor, id, audit, cancellationToken),
        };
    }

    private static ProblemHttpResult NotAccountable() =>
        TypedResults.Problem(title: "无权共享该客户", detail: "只有客户的客户经理或本支行负责人可以共享客户；通过共享看到的客户不能再共享。", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<NotFound> DeniedAsync(Actor actor, long id, CustomerAudit audit, CancellationToken cancellationToken)
    {
        await audit.DeniedIfExistsAsync(actor, id, "shares", cancellationToken);
        return TypedResults.NotFound();
    }
}

/// <summary>The body of POST /api/v1/customers/{id}/shares; expiresAt as ISO 8601 with an offset (e.g. 2026-12-01T18:00:00+08:00).</summary>
public sealed record ShareCustomerRequest(string? SharedWithId, DateTimeOffset? ExpiresAt, string? Reason);
