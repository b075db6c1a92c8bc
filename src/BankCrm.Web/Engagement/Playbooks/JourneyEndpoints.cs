using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Playbooks;

/// <summary>
/// A customer's journeys on the 360 page (customers.read, in the caller's scope) and the pre-screening answers an
/// agent or the app/chatbot integration records on one (interactions.write). Out of scope: 404, and the refusal is audited.
/// </summary>
public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:long}/journeys").WithTags("Playbooks");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.CustomersRead).WithName("ListCustomerJourneys").WithSummary("The customer's playbook enrolments with each executed step and its result, newest first.");
        api.MapPut("/{enrolmentId:long}/prescreen", RecordPrescreenAsync).RequireAuthorization(Permissions.InteractionsWrite).WithName("RecordJourneyPrescreen")
            .WithSummary("Record pre-screening answers (from the app, the chatbot or an agent); counts as the customer's reply.");
        return app;
    }

    internal static async Task<Results<Ok<PagedResult<JourneyLine>>, NotFound>> ListAsync(
        long id, int? page, int? pageSize, ClaimsPrincipal user, JourneyStore journeys, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (await journeys.ForCustomerAsync(actor, id, page ?? 1, pageSize ?? 20, cancellationToken) is { } lines)
        {
            return TypedResults.Ok(lines);
        }

        await audit.DeniedIfExistsAsync(actor, id, "journeys", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Results<NoContent, ValidationProblem, NotFound>> RecordPrescreenAsync(
        long id, long enrolmentId, PrescreenRequest request, ClaimsPrincipal user, JourneyStore journeys, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var (outcome, errors) = await journeys.RecordPrescreenAsync(actor, id, enrolmentId, request.ToInput(), cancellationToken);
        switch (outcome)
        {
            case PrescreenOutcome.Recorded:
                return TypedResults.NoContent();
            case PrescreenOutcome.Invalid:
                return TypedResults.ValidationProblem(FieldErrors.ToDictionary(errors), title: "初筛答案填写有误");
            case PrescreenOutcome.CustomerOutOfScope:
                await audit.DeniedIfExistsAsync(actor, id, "journeys", cancellationToken);
                return TypedResults.NotFound();
            default:
                return TypedResults.NotFound();
        }
    }
}
