using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Organization;

namespace BankCrm.Core.Tests.Engagement.Campaigns;

public sealed class CampaignLifecycleTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Maker = new("u-marketing", "marketing1", [StaffRole.Marketing], null);
    private static readonly Actor Manager = new("u-manager", "manager1", [StaffRole.BranchManager], 1);

    [Fact]
    public void Approve_WhenSubmittedAndApproverIsAnother_IsApprovedBy()
    {
        var campaign = Submitted();

        Assert.Null(CampaignLifecycle.Approve(campaign, Manager, Now));
        Assert.Equal(CampaignStatus.Approved, campaign.Status);
        Assert.Equal("u-manager", campaign.ApprovedBy);
        Assert.Equal(Now, campaign.ApprovedAt);
    }

    [Fact]
    public void Approve_WhenApproverIsTheMaker_IsForbiddenWithReason()
    {
        var campaign = Submitted();
        var makerWhoMayApprove = new Actor("u-marketing", "marketing1", [StaffRole.Marketing, StaffRole.ComplianceOfficer], null);

        var refused = CampaignLifecycle.Approve(campaign, makerWhoMayApprove, Now);

        Assert.Equal(CampaignRefusalKind.Forbidden, refused?.Kind);
        Assert.Contains("不能审批自己创建", refused!.Message, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.PendingApproval, campaign.Status);
    }

    [Fact]
    public void Approve_WhenApproverLacksThePermission_IsForbidden() =>
        Assert.Equal(CampaignRefusalKind.Forbidden, CampaignLifecycle.Approve(Submitted(), new Actor("u-rm", "rm1", [StaffRole.RelationshipManager], 1), Now)?.Kind);

    [Fact]
    public void Approve_WhenStillDraft_IsConflict() =>
        Assert.Equal(CampaignRefusalKind.Conflict, CampaignLifecycle.Approve(Draft(), Manager, Now)?.Kind);

    [Fact]
    public void Reject_WhenNoReason_IsInvalidOnTheReasonField()
    {
        var refused = CampaignLifecycle.Reject(Submitted(), Manager, "  ");

        Assert.Equal(CampaignRefusalKind.Invalid, refused?.Kind);
        Assert.Equal("reason", refused?.Field);
    }

    [Fact]
    public void Reject_WhenReasoned_IsRejectedAndMayBeResubmitted()
    {
        var campaign = Submitted();

        Assert.Null(CampaignLifecycle.Reject(campaign, Manager, "优惠表述不合规"));
        Assert.Equal(CampaignStatus.Rejected, campaign.Status);
        Assert.Equal("优惠表述不合规", campaign.RejectionReason);
        Assert.Null(CampaignLifecycle.Submit(campaign));
        Assert.Equal(CampaignStatus.PendingApproval, campaign.Status);
        Assert.Null(campaign.RejectionReason);
    }

    [Fact]
    public void Edit_WhenApproved_GoesBackToDraftAndForgetsTheApproval()
    {
        var campaign = Submitted();
        CampaignLifecycle.Approve(campaign, Manager, Now);

        Assert.Null(CampaignLifecycle.Edit(campaign));
        Assert.Equal(CampaignStatus.Draft, campaign.Status);
        Assert.Null(campaign.ApprovedBy);
        Assert.Null(campaign.ApprovedAt);
    }

    [Theory]
    [InlineData(CampaignStatus.Running)]
    [InlineData(CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Cancelled)]
    public void Edit_WhenSentOrCancelled_IsConflict(CampaignStatus status) =>
        Assert.Equal(CampaignRefusalKind.Conflict, CampaignLifecycle.Edit(new Campaign { Status = status })?.Kind);

    [Fact]
    public void StartLaunch_WhenApproved_RunsFromNowAndFinishLaunchCompletes()
    {
        var campaign = Submitted();
        CampaignLifecycle.Approve(campaign, Manager, Now);

        Assert.Null(CampaignLifecycle.StartLaunch(campaign, Now));
        Assert.Equal(CampaignStatus.Running, campaign.Status);
        Assert.Equal(Now, campaign.LaunchedAt);
        Assert.Null(CampaignLifecycle.FinishLaunch(campaign, Now.AddMinutes(5)));
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
    }

    [Fact]
    public void StartLaunch_WhenNotApproved_IsConflict() =>
        Assert.Equal(CampaignRefusalKind.Conflict, CampaignLifecycle.StartLaunch(Submitted(), Now)?.Kind);

    [Fact]
    public void IsDue_WhenApprovedAndScheduleHasCome_IsTrue()
    {
        var campaign = Submitted();
        campaign.ScheduledAt = Now;
        CampaignLifecycle.Approve(campaign, Manager, Now);

        Assert.False(CampaignLifecycle.IsDue(campaign, Now.AddSeconds(-1)));
        Assert.True(CampaignLifecycle.IsDue(campaign, Now));
    }

    [Fact]
    public void Cancel_WhenCompleted_IsConflict() =>
        Assert.Equal(CampaignRefusalKind.Conflict, CampaignLifecycle.Cancel(new Campaign { Status = CampaignStatus.Completed })?.Kind);

    private static Campaign Draft() => new() { Id = 1, Name = "理财推广", CreatedBy = Maker.UserId, Status = CampaignStatus.Draft };

    private static Campaign Submitted()
    {
        var campaign = Draft();
        Assert.Null(CampaignLifecycle.Submit(campaign));
        return campaign;
    }
}
