using System.Security.Claims;
using BankCrm.Core.Consent;
using BankCrm.Core.Organization;
using BankCrm.Data.Consent;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Consent;

/// <summary>A customer's consents (授权同意), scoped like every other customer endpoint: out of scope is 404.</summary>
public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:long}/consents").WithTags("Consent");
        api.MapGet("/", GetAsync).RequireAuthorization(Permissions.ConsentRead).WithName("GetCustomerConsents").WithSummary("Current consent per purpose and channel, and the full history, newest first.");
        api.MapPost("/", RecordAsync).RequireAuthorization(Permissions.ConsentWrite).WithName("RecordCustomerConsent")
            .WithSummary("Record a grant or withdrawal; a new record is appended, earlier ones stay. RMs and branch staff only (403 for other roles).");
        return app;
    }

    internal static async Task<Results<Ok<CustomerConsents>, NotFound>> GetAsync(long id, ClaimsPrincipal user, ConsentStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.ToActor(), id, cancellationToken) is { } consents)
        {
            return TypedResults.Ok(consents);
        }

        await audit.DeniedIfExistsAsync(user.ToActor(), id, "consents", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Results<Created<ConsentHistoryLine>, NotFound, ValidationProblem, ProblemHttpResult>> RecordAsync(
        long id, RecordConsentRequest request, ClaimsPrincipal user, ConsentStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (request.Purpose is not { } purpose || request.Granted is not { } granted || request.Source is not { } source)
        {
            return TypedResults.ValidationProblem(MissingFields(request));
        }

        var outcome = await store.RecordAsync(user.ToActor(), id, new RecordConsent(purpose, request.Channel, granted, source, request.EvidenceNote), cancellationToken);
        if (outcome is ConsentOutcome.NotFound)
        {
            await audit.DeniedIfExistsAsync(user.ToActor(), id, "consents", cancellationToken);
        }

        return outcome switch
        {
            ConsentOutcome.Recorded recorded => TypedResults.Created($"/api/v1/customers/{id}/consents", recorded.Line),
            ConsentOutcome.Invalid invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }),
            ConsentOutcome.Forbidden => TypedResults.Problem(title: "无权记录授权同意", detail: "只有客户经理、柜员和网点负责人可以代客户记录同意或撤回。", statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.NotFound(),
        };
    }

    private static Dictionary<string, string[]> MissingFields(RecordConsentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Purpose is null)
        {
            errors["purpose"] = ["请选择同意事项"];
        }

        if (request.Granted is null)
        {
            errors["granted"] = ["请选择同意或撤回"];
        }

        if (request.Source is null)
        {
            errors["source"] = ["请选择同意来源"];
        }

        return errors;
    }
}

/// <summary>The body of POST /api/v1/customers/{id}/consents; enums as names (Marketing, Sms, Branch …).</summary>
public sealed record RecordConsentRequest(ConsentPurpose? Purpose, ContactChannel? Channel, bool? Granted, ConsentSource? Source, string? EvidenceNote);
