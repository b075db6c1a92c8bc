using System.Security.Claims;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Web.Audit;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BankCrm.Web.Engagement;

/// <summary>/api/v1/campaigns: drafts by marketing, approval by a branch manager or compliance (never the maker), launch and the report.</summary>
public static class CampaignsEndpoints
{
    public static IEndpointRouteBuilder MapCampaignsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns");
        api.MapGet("/", ListAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("ListCampaigns").WithSummary("Campaigns, newest first, with member and message counts; filter by status.");
        api.MapGet("/approvals", ApprovalsAsync).RequireAuthorization(Permissions.CampaignsApprove).WithName("ListCampaignApprovals").WithSummary("Campaigns waiting for approval.");
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("GetCampaign").WithSummary("One campaign with its launch progress.");
        api.MapPost("/", CreateAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("CreateCampaign").WithSummary("Save a draft; 400 names each field and its rule.");
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("UpdateCampaign").WithSummary("Edit a campaign before its send; a submitted or approved one goes back to draft.");
        api.MapPost("/{id:long}/submit", SubmitAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("SubmitCampaign").WithSummary("Ask for approval.");
        api.MapGet("/{id:long}/approval", ApprovalAsync).RequireAuthorization(Permissions.CampaignsApprove).WithName("GetCampaignApproval").WithSummary("What the approver checks: members now, control share, the rendered message.");
        api.MapPost("/{id:long}/approve", ApproveAsync).RequireAuthorization(Permissions.CampaignsApprove).WithName("ApproveCampaign").WithSummary("Approve; the maker may not approve their own campaign (403).");
        api.MapPost("/{id:long}/reject", RejectAsync).RequireAuthorization(Permissions.CampaignsApprove).WithName("RejectCampaign").WithSummary("Reject with a reason.");
        api.MapPost("/{id:long}/cancel", CancelAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("CancelCampaign").WithSummary("Cancel before the send has finished.");
        api.MapPost("/{id:long}/launch", LaunchAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("LaunchCampaign").WithSummary("Start the send of an approved campaign now; the campaign-send job carries it out (202).");
        api.MapGet("/{id:long}/report", ReportAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("GetCampaignReport").WithSummary("Delivery funnel, response and conversion per group, uplift with its 95% interval, ROI.");
        api.MapGet("/{id:long}/members", MembersAsync).RequireAuthorization(Permissions.CampaignsManage).WithName("ListCampaignMembers").WithSummary("Members in the caller's scope with masked names; control=true|false.");
        return app;
    }

    internal static async Task<Ok<PagedResult<CampaignListItem>>> ListAsync(CampaignStore store, CampaignStatus? status, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(status, page ?? 1, pageSize ?? 20, cancellationToken));

    internal static async Task<Ok<PagedResult<CampaignListItem>>> ApprovalsAsync(CampaignStore store, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(CampaignStatus.PendingApproval, page ?? 1, pageSize ?? 20, cancellationToken));

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.GetAsync(id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Created<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CampaignInput body, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var result = await store.SaveAsync(user.ToActor(), null, body, null, cancellationToken);
        return result.Value is { } created
            ? TypedResults.Created($"/api/v1/campaigns/{created.Id}", created)
            : await EngagementResults.ProblemAsync<Created<CampaignView>>(result.Problem!, user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, int? version, CampaignInput body, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.SaveAsync(user.ToActor(), id, body, version, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.SubmitAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CampaignApprovalView>, NotFound, ValidationProblem, ProblemHttpResult>> ApprovalAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.ApprovalViewAsync(id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.ApproveAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, RejectCampaignRequest body, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.RejectAsync(user.ToActor(), id, body.Reason, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await store.CancelAsync(user.ToActor(), id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Accepted<CampaignView>, NotFound, ValidationProblem, ProblemHttpResult>> LaunchAsync(
        long id, ClaimsPrincipal user, CampaignStore store, CustomerAudit audit, CancellationToken cancellationToken)
    {
        var result = await store.LaunchAsync(user.ToActor(), id, cancellationToken);
        return result.Value is { } running
            ? TypedResults.Accepted($"/api/v1/campaigns/{id}", running)
            : await EngagementResults.ProblemAsync<Accepted<CampaignView>>(result.Problem!, user, audit, cancellationToken);
    }

    internal static async Task<Results<Ok<CampaignReport>, NotFound, ValidationProblem, ProblemHttpResult>> ReportAsync(
        long id, ClaimsPrincipal user, CampaignReports reports, CustomerAudit audit, CancellationToken cancellationToken) =>
        await EngagementResults.OkAsync(await reports.ReportAsync(id, cancellationToken), user, audit, cancellationToken);

    internal static async Task<Results<Ok<PagedResult<CampaignMemberLine>>, NotFound>> MembersAsync(
        long id, bool? control, int? page, int? pageSize, ClaimsPrincipal user, CampaignMembersQuery members, CancellationToken cancellationToken) =>
        await members.ListAsync(user.ToActor(), id, control, page ?? 1, pageSize ?? 50, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();
}

public sealed record RejectCampaignRequest(string? Reason);
