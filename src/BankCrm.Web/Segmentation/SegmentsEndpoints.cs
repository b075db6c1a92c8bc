using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Segmentation;

/// <summary>/api/v1/segments: what campaigns use to find their customers. Counts and members are in the caller's data scope.</summary>
public static class SegmentsEndpoints
{
    public static IEndpointRouteBuilder MapSegmentsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/segments").WithTags("Segments");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.SegmentsRead).WithName("ListSegments").WithSummary("Segments the caller owns or that are shared with them or their role.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.SegmentsRead).WithName("GetSegment").WithSummary("One segment with its rule; 404 when not visible to the caller.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.SegmentsManage).WithName("CreateSegment").WithSummary("Save a segment; 400 names the field and the rule; 403 names an amount condition the caller may not set.");
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Permissions.SegmentsManage).WithName("UpdateSegment").WithSummary("Change a segment (owner only).");
        api.MapPost("/count", PreviewAsync).RequireAuthorization(Permissions.SegmentsManage).WithName("CountSegmentRule").WithSummary("Customers in the caller's scope matching an unsaved rule (the builder's live count); 403 for amount conditions without asset access.");
        api.MapGet("/{id:long}/count", CountAsync).RequireAuthorization(Permissions.SegmentsRead).WithName("CountSegment").WithSummary("Members of a segment in the caller's scope.");
        api.MapGet("/{id:long}/members", MembersAsync).RequireAuthorization(Permissions.SegmentsRead).WithName("ListSegmentMembers").WithSummary("Member ids and masked names, paged.");
        api.MapGet("/{id:long}/export", ExportAsync).RequireAuthorization(Permissions.SegmentsManage, Permissions.CustomersExport)
            .WithName("ExportSegment").WithSummary("Members as CSV or Excel, masked, stamped with who exported and when, and audited.");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<SegmentListItem>>> ListAsync(ClaimsPrincipal user, SegmentStore segments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await segments.ListAsync(user.ToActor(), cancellationToken));

    internal static async Task<Results<Ok<SegmentView>, NotFound>> GetAsync(long id, ClaimsPrincipal user, SegmentStore segments, CancellationToken cancellationToken) =>
        await segments.FindAsync(user.ToActor(), id, cancellationToken) is { } segment ? TypedResults.Ok(segment) : TypedResults.NotFound();

    internal static async Task<Results<Created<SegmentView>, Ok<SegmentView>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> CreateAsync(
        SegmentRequest request, ClaimsPrincipal user, SegmentStore segments, StepUp stepUp, CancellationToken cancellationToken)
    {
        var input = request.ToInput();
        var refused = RuleAmounts.Refused(stepUp, user, input.Rule);
        return refused.Count > 0 ? RuleAmounts.Problem(refused) : Map(await segments.SaveAsync(user.ToActor(), null, input, cancellationToken), created: true);
    }

    internal static async Task<Results<Created<SegmentView>, Ok<SegmentView>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateAsync(
        long id, SegmentRequest request, ClaimsPrincipal user, SegmentStore segments, StepUp stepUp, CancellationToken cancellationToken)
    {
        var input = request.ToInput();
        var stored = await segments.FindAsync(user.ToActor(), id, cancellationToken);
        var refused = RuleAmounts.Refused(stepUp, user, input.Rule, stored?.Rule);
        return refused.Count > 0 ? RuleAmounts.Problem(refused) : Map(await segments.SaveAsync(user.ToActor(), id, input, cancellationToken), created: false);
    }

    internal static async Task<Results<Ok<CountResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        RuleRequest request, ClaimsPrincipal user, TagStore tags, StepUp stepUp, CancellationToken cancellationToken)
    {
        if (RuleAmounts.Refused(stepUp, user, request.RuleText) is { Count: > 0 } refused)
        {
            return RuleAmounts.Problem(refused);
        }

        var (count, errors) = await tags.CountAsync(user.ToActor(), request.RuleText, RuleUse.Segment, cancellationToken);
        return count is null ? TypedResults.ValidationProblem(FieldErrors.ToDictionary(errors)) : TypedResults.Ok(new CountResponse(count.Value));
    }

    internal static async Task<Results<Ok<CountResponse>, NotFound>> CountAsync(long id, ClaimsPrincipal user, SegmentStore segments, CancellationToken cancellationToken) =>
        await segments.CountAsync(user.ToActor(), id, cancellationToken) is { } count ? TypedResults.Ok(new CountResponse(count)) : TypedResults.NotFound();

    internal static async Task<Results<Ok<PagedResult<SegmentMember>>, NotFound>> MembersAsync(
        long id, ClaimsPrincipal user, SegmentStore segments, int? page, int? pageSize, CancellationToken cancellationToken) =>
        await segments.MembersAsync(user.ToActor(), id, page ?? 1, pageSize ?? 50, cancellationToken) is { } members ? TypedResults.Ok(members) : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(
        long id, string? format, ClaimsPrincipal user, MaskedExport export, CancellationToken cancellationToken)
    {
        if (!MaskedExport.TryParseFormat(format, out var kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["导出格式只能是 csv 或 xlsx"] });
        }

        var file = await export.ExportAsync(user.ToActor(), id, kind, cancellationToken);
        return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static Results<Created<SegmentView>, Ok<SegmentView>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult> Map(SegmentOutcome outcome, bool created) => outcome switch
    {
        SegmentOutcome.Saved saved when created => TypedResults.Created($"/api/v1/segments/{saved.Segment.Id}", saved.Segment),
        SegmentOutcome.Saved saved => TypedResults.Ok(saved.Segment),
        SegmentOutcome.Invalid invalid => TypedResults.ValidationProblem(FieldErrors.ToDictionary(invalid.Errors)),
        SegmentOutcome.NotOwner => TypedResults.Forbid(),
        _ => TypedResults.NotFound(),
    };
}
