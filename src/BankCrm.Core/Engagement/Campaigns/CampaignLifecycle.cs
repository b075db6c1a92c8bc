using BankCrm.Core.Organization;

namespace BankCrm.Core.Engagement.Campaigns;

public enum CampaignRefusalKind
{
    Invalid = 1,
    Forbidden = 2,
    Conflict = 3,
}

/// <summary>Why a step of the lifecycle was refused, in Chinese, with the field it concerns.</summary>
public sealed record CampaignRefusal(CampaignRefusalKind Kind, string Message, string Field = "status");

/// <summary>
/// The campaign's lifecycle with maker-checker (seed 002: 营销活动须经审批): Draft → PendingApproval →
/// Approved / Rejected → Running (being sent) → Completed (every member assigned and every message enqueued).
/// The approver holds <see cref="Permissions.CampaignsApprove"/> and is not the maker; an edit after approval
/// sends the campaign back to draft, so what goes out is always what was approved.
/// </summary>
public static class CampaignLifecycle
{
    public static bool IsEditable(CampaignStatus status) =>
        status is CampaignStatus.Draft or CampaignStatus.PendingApproval or CampaignStatus.Approved or CampaignStatus.Rejected;

    /// <summary>Before an edit is applied: a campaign that was submitted, approved or rejected goes back to draft.</summary>
    public static CampaignRefusal? Edit(Campaign campaign)
    {
        if (!IsEditable(campaign.Status))
        {
            return new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，不能再修改");
        }

        campaign.Status = CampaignStatus.Draft;
        campaign.ApprovedBy = null;
        campaign.ApprovedAt = null;
        return null;
    }

    public static CampaignRefusal? Submit(Campaign campaign)
    {
        if (campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Rejected))
        {
            return new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，只有草稿或已驳回的活动可以提交审批");
        }

        campaign.Status = CampaignStatus.PendingApproval;
        campaign.RejectionReason = null;
        return null;
    }

    public static CampaignRefusal? Approve(Campaign campaign, Actor approver, DateTime now)
    {
        if (CheckApprover(campaign, approver) is { } refused)
        {
            return refused;
        }

        campaign.Status = CampaignStatus.Approved;
        campaign.ApprovedBy = approver.UserId;
        campaign.ApprovedAt = now;
        return null;
    }

    public static CampaignRefusal? Reject(Campaign campaign, Actor approver, string? reason)
    {
        if (CheckApprover(campaign, approver) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new(CampaignRefusalKind.Invalid, "驳回须说明理由", "reason");
        }

        if (reason.Trim().Length > 500)
        {
            return new(CampaignRefusalKind.Invalid, "驳回理由最长 500 个字", "reason");
        }

        campaign.Status = CampaignStatus.Rejected;
        campaign.RejectionReason = reason.Trim();
        return null;
    }

    /// <summary>Approved and its time has come: the launcher may start it.</summary>
    public static bool IsDue(Campaign campaign, DateTime now) => campaign.Status == CampaignStatus.Approved && campaign.ScheduledAt <= now;

    public static CampaignRefusal? StartLaunch(Campaign campaign, DateTime now)
    {
        if (campaign.Status != CampaignStatus.Approved)
        {
            return new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，只有已审批的活动可以发送");
        }

        campaign.Status = CampaignStatus.Running;
        campaign.LaunchedAt = now;
        return null;
    }

    public static CampaignRefusal? FinishLaunch(Campaign campaign, DateTime now)
    {
        if (campaign.Status != CampaignStatus.Running)
        {
            return new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，不在发送中");
        }

        campaign.Status = CampaignStatus.Completed;
        campaign.CompletedAt = now;
        return null;
    }

    /// <summary>Any time before the send has finished; a running send stops after the batch in progress.</summary>
    public static CampaignRefusal? Cancel(Campaign campaign)
    {
        if (campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled)
        {
            return new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，不能取消");
        }

        campaign.Status = CampaignStatus.Cancelled;
        return null;
    }

    public static string Label(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "草稿",
        CampaignStatus.PendingApproval => "待审批",
        CampaignStatus.Approved => "已审批",
        CampaignStatus.Rejected => "已驳回",
        CampaignStatus.Running => "发送中",
        CampaignStatus.Completed => "已完成",
        CampaignStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    private static CampaignRefusal? CheckApprover(Campaign campaign, Actor approver)
    {
        if (!approver.Can(Permissions.CampaignsApprove))
        {
            return new(CampaignRefusalKind.Forbidden, "只有支行行长或合规人员可以审批营销活动");
        }

        if (string.Equals(campaign.CreatedBy, approver.UserId, StringComparison.Ordinal))
        {
            return new(CampaignRefusalKind.Forbidden, "不能审批自己创建的营销活动（双人复核）");
        }

        return campaign.Status == CampaignStatus.PendingApproval
            ? null
            : new(CampaignRefusalKind.Conflict, $"营销活动{Label(campaign.Status)}，不在待审批状态");
    }
}
