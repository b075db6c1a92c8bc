using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>The suppression list (免打扰名单): read with the outbox, kept by marketing and admins; every change audited.</summary>
public static class SuppressionEndpoints
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/suppressions").WithTags("Outbox");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.OutboxRead)
            .WithName("ListSuppressions").WithSummary("Entries newest first; active=false includes ended ones.");
        api.MapPost("/", AddAsync).RequireAuthorization(Permissions.OutboxManage)
            .WithName("AddSuppression").WithSummary("Stop contact with a customer (customerId or customerNumber) on one channel or all, until a China date (inclusive) or until removed.");
        api.MapDelete("/{id:long}", RemoveAsync).RequireAuthorization(Permissions.OutboxManage)
            .WithName("RemoveSuppression").WithSummary("End an entry now; it stays in the list as ended.");
    }

    internal static async Task<Ok<PagedResult<SuppressionLine>>> ListAsync(ClaimsPrincipal user, SuppressionStore store, bool? active, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(user.ToActor(), active ?? true, page ?? 1, pageSize ?? 20, cancellationToken));

    internal static async Task<Results<Created<SuppressionCreated>, ValidationProblem>> AddAsync(AddSuppression body, ClaimsPrincipal user, SuppressionStore store, CancellationToken cancellationToken) =>
        await store.AddAsync(user.ToActor(), body, cancellationToken) switch
        {
            OutreachOutcome.Done { Value: long id } => TypedResults.Created($"/api/v1/suppressions/{id}", new SuppressionCreated(id)),
            OutreachOutcome.Invalid invalid => TypedResults.ValidationProblem(FieldErrors.ToDictionary(invalid.Errors)),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveAsync(long id, ClaimsPrincipal user, SuppressionStore store, CancellationToken cancellationToken) =>
        await store.RemoveAsync(user.ToActor(), id, cancellationToken) switch
        {
            OutreachOutcome.Done => TypedResults.NoContent(),
            OutreachOutcome.Conflict conflict => TypedResults.Problem(title: "无法移除", detail: conflict.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
}

public sealed record SuppressionCreated(long Id);
