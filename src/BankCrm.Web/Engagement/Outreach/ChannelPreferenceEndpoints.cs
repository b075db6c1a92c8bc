using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using BankCrm.Web.Segmentation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement.Outreach;

/// <summary>A customer's channel ranking (渠道偏好): read with the consents, set by the RM or branch manager; scoped, out of scope 404.</summary>
public static class ChannelPreferenceEndpoints
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers/{id:long}/channel-preferences").WithTags("Outbox");
        api.MapGet("/", GetAsync).RequireAuthorization(Permissions.ConsentRead)
            .WithName("GetChannelPreferences").WithSummary("Channels best first with score, source (Default, Learned, Staff) and marketing consent.");
        api.MapPut("/", SetAsync).RequireAuthorization(Permissions.CustomersWrite)
            .WithName("SetChannelPreferences").WithSummary("Set scores (0–100) the customer asked for; RM and branch manager only (403 otherwise). Learning leaves staff scores alone.");
    }

    internal static async Task<Results<Ok<CustomerChannelPreferences>, NotFound>> GetAsync(
        long id, ClaimsPrincipal user, ChannelPreferenceStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(user.ToActor(), id, cancellationToken) is { } preferences)
        {
            return TypedResults.Ok(preferences);
        }

        await audit.DeniedIfExistsAsync(user.ToActor(), id, "channel-preferences", cancellationToken);
        return TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<CustomerChannelPreferences>, NotFound, ValidationProblem, ProblemHttpResult>> SetAsync(
        long id, SetChannelPreferences body, ClaimsPrincipal user, ChannelPreferenceStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        switch (await store.SetAsync(actor, id, body.Preferences ?? [], cancellationToken))
        {
            case OutreachOutcome.Done:
                return TypedResults.Ok((await store.GetAsync(actor, id, cancellationToken))!);
            case OutreachOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(FieldErrors.ToDictionary(invalid.Errors));
            case OutreachOutcome.Forbidden forbidden:
                return TypedResults.Problem(title: "无权设置渠道偏好", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden);
            default:
                await audit.DeniedIfExistsAsync(actor, id, "channel-preferences", cancellationToken);
                return TypedResults.NotFound();
        }
    }
}

/// <summary>The body of PUT …/channel-preferences: {"preferences":[{"channel":"Sms","score":90}]}.</summary>
public sealed record SetChannelPreferences(IReadOnlyList<ChannelScoreInput>? Preferences);
