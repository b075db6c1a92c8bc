using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Privacy;

/// <summary>
/// Data-subject requests (个人信息权利请求, PIPL Art. 44–50). Every request is seen through its customer's scope: a
/// request of a customer outside it is 404 and audited as a denied access.
/// </summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/privacy").WithTags("Privacy");
        api.MapGet("/requests", ListAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("ListPrivacyRequests").WithSummary("Requests in the caller's scope, soonest due first; filter by status, kind, open, customer.");
        api.MapPost("/requests", CreateAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("CreatePrivacyRequest").WithSummary("Log a request received from a customer; the due date is received + Privacy:ResponseDays.");
        api.MapGet("/requests/{id:long}", GetAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("GetPrivacyRequest").WithSummary("One request with its status history and proposed corrections.");
        api.MapPost("/requests/{id:long}/transition", TransitionAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("TransitionPrivacyRequest").WithSummary("Take (InProgress), complete or reject (with a reason) a request; 400 names the rule an invalid move breaks.");
        api.MapGet("/requests/{id:long}/export", PrivacyExportEndpoint.ExportAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("ExportPrivacyRequest").WithSummary("The customer's copy of all their data, format=json|html; once per format, by the member of staff handling the request.");
        api.MapPost("/requests/{id:long}/corrections", ProposeAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("ProposePrivacyCorrection").WithSummary("Propose field changes for a correction request, checked with the customer rules.");
        api.MapPost("/requests/{id:long}/corrections/{correctionId:long}/decision", DecideAsync).RequireAuthorization(Permissions.PrivacyApprove)
            .WithName("DecidePrivacyCorrection").WithSummary("Compliance approves (applies, with change history) or rejects a proposed correction; the proposer may not decide.");
        api.MapGet("/requests/{id:long}/erasure-plan", ErasurePlanAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("GetPrivacyErasurePlan").WithSummary("What an erasure would remove and what the bank must keep, and why.");
        api.MapPost("/requests/{id:long}/erasure", EraseAsync).RequireAuthorization(Permissions.PrivacyApprove)
            .WithName("ExecutePrivacyErasure").WithSummary("Compliance executes the erasure in one transaction and completes the request.");
        api.MapGet("/deadlines", DeadlinesAsync).RequireAuthorization(Permissions.PrivacyRequests)
            .WithName("GetPrivacyDeadlines").WithSummary("Open, due-soon (≤ 3 days) and overdue requests in the caller's scope.");
        return app;
    }

    internal static async Task<Ok<PagedResult<RequestListItem>>> ListAsync(
        ClaimsPrincipal user, PrivacyRequestStore store, RequestStatus? status, RequestKind? kind, bool? open, long? customerId, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(user.ToActor(), new RequestFilter { Status = status, Kind = kind, OpenOnly = open ?? false, CustomerId = customerId, Page = page ?? 1, PageSize = pageSize ?? 20 }, cancellationToken));

    internal static async Task<Results<Created<RequestDetail>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePrivacyRequest body, ClaimsPrincipal user, PrivacyRequestStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (body.CustomerId is not { } customerId || body.Kind is not { } kind || body.Channel is not { } channel)
        {
            var errors = new Dictionary<string, string[]>();
            if (body.CustomerId is null)
            {
                errors["customerId"] = ["请选择客户"];
            }

            if (body.Kind is null)
            {
                errors["kind"] = ["请选择请求类型"];
            }

            if (body.Channel is null)
            {
                errors["channel"] = ["请选择受理渠道"];
            }

            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.CreateAsync(user.ToActor(), new NewRequest(customerId, kind, channel, body.RequesterNote), cancellationToken);
        return result.Value is { } created
            ? TypedResults.Created($"/api/v1/privacy/requests/{created.Id}", created)
            : await ProblemAsync<Created<RequestDetail>>(result.Problem!, user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<RequestDetail>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, PrivacyRequestStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await OkOrProblemAsync(await store.GetAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<RequestDetail>, NotFound, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        long id, TransitionPrivacyRequest body, ClaimsPrincipal user, PrivacyRequestStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (body.Status is not { } status)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["请选择新的状态"] });
        }

        return await OkOrProblemAsync(await store.TransitionAsync(user.ToActor(), id, status, body.Note, cancellationToken), user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<CorrectionLine>, NotFound, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        long id, ProposeCorrection body, ClaimsPrincipal user, CorrectionWorkflow corrections, CustomerAudit audit, CancellationToken cancellationToken) =>
        await OkOrProblemAsync(await corrections.ProposeAsync(user.ToActor(), id, body.Changes ?? [], cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CorrectionLine>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        long id, long correctionId, DecideCorrection body, ClaimsPrincipal user, CorrectionWorkflow corrections, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (body.Approve is not { } approve)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["approve"] = ["请选择核准或驳回"] });
        }

        return await OkOrProblemAsync(await corrections.DecideAsync(user.ToActor(), id, correctionId, approve, body.Note, cancellationToken), user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<ErasurePlan>, NotFound, ValidationProblem, ProblemHttpResult>> ErasurePlanAsync(
        long id, ClaimsPrincipal user, ErasureExecutor erasure, CustomerAudit audit, CancellationToken cancellationToken) =>
        await OkOrProblemAsync(await erasure.PreviewAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<ErasureResult>, NotFound, ValidationProblem, ProblemHttpResult>> EraseAsync(
        long id, ClaimsPrincipal user, ErasureExecutor erasure, CustomerAudit audit, CancellationToken cancellationToken) =>
        await OkOrProblemAsync(await erasure.ExecuteAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Ok<DeadlineCounts>> DeadlinesAsync(ClaimsPrincipal user, PrivacyRequestStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.DeadlinesAsync(user.ToActor(), cancellationToken));

    private static async Task<Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult>> OkOrProblemAsync<T>(
        PrivacyResult<T> result, ClaimsPrincipal user, CustomerAudit audit, CancellationToken cancellationToken) =>
        result.Problem is null ? TypedResults.Ok(result.Value!) : await ProblemAsync<Ok<T>>(result.Problem, user, audit, cancellationToken);

    /// <summary>404 (audited when the customer exists outside the caller's scope), 400 with the field, 403, 409 or 500 as a problem.</summary>
    internal static async Task<Results<TOk, NotFound, ValidationProblem, ProblemHttpResult>> ProblemAsync<TOk>(PrivacyProblem problem, ClaimsPrincipal user, CustomerAudit audit, CancellationToken cancellationToken)
        where TOk : IResult
    {
        switch (problem.Failure)
        {
            case PrivacyFailure.NotFound:
                if (problem.CustomerId is { } customerId)
                {
                    await audit.DeniedIfExistsAsync(user.ToActor(), customerId, "privacy", cancellationToken);
                }

                return TypedResults.NotFound();
            case PrivacyFailure.Invalid:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [JsonName(problem.Field)] = [problem.Message] }, title: problem.Message);
            case PrivacyFailure.Forbidden:
                return TypedResults.Problem(title: problem.Message, statusCode: StatusCodes.Status403Forbidden);
            case PrivacyFailure.Conflict:
                return TypedResults.Problem(title: problem.Message, statusCode: StatusCodes.Status409Conflict);
            default:
                return TypedResults.Problem(title: problem.Message, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

public sealed record CreatePrivacyRequest(long? CustomerId, RequestKind? Kind, RequestChannel? Channel, string? RequesterNote);

public sealed record TransitionPrivacyRequest(RequestStatus? Status, string? Note);

public sealed record ProposeCorrection(Dictionary<string, string?>? Changes);

public sealed record DecideCorrection(bool? Approve, string? Note);
