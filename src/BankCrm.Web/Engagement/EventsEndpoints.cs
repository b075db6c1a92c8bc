using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Events;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Engagement.Events;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement;

/// <summary>/api/v1/events: customer events and salons, segment invitations, attendance and follow-ups. Attendees are seen in the caller's scope.</summary>
public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").WithTags("Events").RequireAuthorization(Permissions.EventsManage);
        api.MapGet("/", ListAsync).WithName("ListEvents").WithSummary("Events, latest first, with invitation and attendance counts.");
        api.MapGet("/{id:long}", GetAsync).WithName("GetEvent").WithSummary("One event with its attendee counts.");
        api.MapPost("/", CreateAsync).WithName("CreateEvent").WithSummary("Create an event; 400 names each field and its rule.");
        api.MapPut("/{id:long}", UpdateAsync).WithName("UpdateEvent").WithSummary("Edit an event (title, time, place, capacity, status).");
        api.MapPost("/{id:long}/invitations", InviteAsync).WithName("InviteSegmentToEvent").WithSummary("Invite a saved segment: one invitation per customer through the outbox.");
        api.MapGet("/{id:long}/attendees", AttendeesAsync).WithName("ListEventAttendees").WithSummary("Attendees in the caller's scope with masked names; filter by status.");
        api.MapPost("/{id:long}/attendees/{customerId:long}/status", MoveAsync).WithName("SetEventAttendeeStatus").WithSummary("Record a registration, decline, check-in (Attended) or no-show.");
        api.MapPost("/{id:long}/follow-ups", FollowUpsAsync).WithName("CreateEventFollowUps").WithSummary("A follow-up task for every attendee who has none.");
        return app;
    }

    internal static async Task<Ok<PagedResult<EventListItem>>> ListAsync(EventStore store, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(page ?? 1, pageSize ?? 20, cancellationToken));

    internal static async Task<Results<Ok<EventView>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, EventStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.GetAsync(id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Created<EventView>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        EventInput body, ClaimsPrincipal user, EventStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var result = await store.SaveAsync(user.ToActor(), null, body, cancellationToken);
        return result.Value is { } created
            ? TypedResults.Created($"/api/v1/events/{created.Id}", created)
            : await EngagementResults.ProblemAsync<Created<EventView>>(result.Problem!, user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<EventView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, EventInput body, ClaimsPrincipal user, EventStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.SaveAsync(user.ToActor(), id, body, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<InvitationResult>, NotFound, ValidationProblem, ProblemHttpResult>> InviteAsync(
        long id, InviteSegmentRequest body, ClaimsPrincipal user, EventAttendance attendance, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (body.SegmentId is not { } segmentId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["segmentId"] = ["请选择要邀请的客群"] });
        }

        return await EngagementResults.OkAsync(await attendance.InviteSegmentAsync(user.ToActor(), id, segmentId, cancellationToken), user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<PagedResult<AttendeeLine>>, NotFound, ValidationProblem, ProblemHttpResult>> AttendeesAsync(
        long id, AttendeeStatus? status, int? page, int? pageSize, ClaimsPrincipal user, EventAttendance attendance, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await attendance.ListAsync(user.ToActor(), id, status, page ?? 1, pageSize ?? 50, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<AttendeeLine>, NotFound, ValidationProblem, ProblemHttpResult>> MoveAsync(
        long id, long customerId, AttendeeStatusRequest body, ClaimsPrincipal user, EventAttendance attendance, CustomerAudit audit, CancellationToken cancellationToken)
    {
        if (body.Status is not { } status || status == AttendeeStatus.Invited)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["状态只能是 Registered（报名）、Declined（婉拒）、Attended（签到）或 NoShow（未到场）"] });
        }

        return await EngagementResults.OkAsync(await attendance.MoveAsync(user.ToActor(), id, customerId, status, cancellationToken), user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<FollowUpResult>, NotFound, ValidationProblem, ProblemHttpResult>> FollowUpsAsync(
        long id, ClaimsPrincipal user, EventAttendance attendance, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await attendance.CreateFollowUpsAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);
}

public sealed record InviteSegmentRequest(long? SegmentId);

public sealed record AttendeeStatusRequest(AttendeeStatus? Status);
