using System.Security.Claims;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement;

/// <summary>Campaign and event outcomes as HTTP results: 404 (audited for a customer out of scope), 400 naming the fields, 403 and 409 with the reason.</summary>
internal static class EngagementResults
{
    public static async Task<Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult>> OkAsync<T>(
        EngagementResult<T> result, ClaimsPrincipal user, CustomerAudit audit, CancellationToken cancellationToken) =>
        result.Problem is null ? TypedResults.Ok(result.Value!) : await ProblemAsync<Ok<T>>(result.Problem, user, audit, cancellationToken);

    public static async Task<Results<TOk, NotFound, ValidationProblem, ProblemHttpResult>> ProblemAsync<TOk>(
        EngagementProblem problem, ClaimsPrincipal user, CustomerAudit audit, CancellationToken cancellationToken)
        where TOk : IResult
    {
        switch (problem.Failure)
        {
            case EngagementFailure.NotFound:
                if (problem.CustomerId is { } customerId)
                {
                    await audit.DeniedIfExistsAsync(user.ToActor(), customerId, "events", cancellationToken);
                }

                return TypedResults.NotFound();
            case EngagementFailure.Invalid:
                return TypedResults.ValidationProblem(
                    problem.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), title: problem.Message);
            case EngagementFailure.Forbidden:
                return TypedResults.Problem(title: problem.Message, statusCode: StatusCodes.Status403Forbidden);
            default:
                return TypedResults.Problem(title: problem.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
