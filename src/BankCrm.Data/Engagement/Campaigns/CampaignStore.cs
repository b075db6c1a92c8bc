using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Segments;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>
/// Campaign drafts and their maker-checker steps. Every change is audited in the transaction that makes it. A
/// campaign names a saved segment the maker may see; who is in it is worked out when it is sent.
/// </summary>
public sealed class CampaignStore(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit, SegmentStore segments)
{
    public async Task<PagedResult<CampaignListItem>> ListAsync(CampaignStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        page = PagedResult<CampaignListItem>.ClampPage(page);
        pageSize = PagedResult<CampaignListItem>.ClampPageSize(pageSize);
        var query = status is { } s ? db.Campaigns.Where(c => c.Status == s) : db.Campaigns;
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Name, Segment = db.Segments.Where(x => x.Id == c.SegmentId).Select(x => x.Name).FirstOrDefault(), c.Status, c.ScheduledAt, c.CreatedBy, c.CreatedAt,
                Members = db.CampaignMembers.Count(m => m.CampaignId == c.Id),
                Messages = db.CampaignMembers.Count(m => m.CampaignId == c.Id && m.MessageId != null),
            })
            .ToListAsync(cancellationToken);
        var names = await StaffActors.DisplayNamesAsync(db, rows.Select(r => r.CreatedBy), cancellationToken);
        return new PagedResult<CampaignListItem>(
            [.. rows.Select(r => new CampaignListItem(r.Id, r.Name, r.Segment ?? "—", r.Status, r.ScheduledAt, names.GetValueOrDefault(r.CreatedBy, r.CreatedBy), r.Members, r.Messages, r.CreatedAt))],
            total, page, pageSize);
    }

    public async Task<EngagementResult<CampaignView>> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null ? EngagementProblem.NotFound() : EngagementResult<CampaignView>.Ok(await ViewAsync(db, campaign, cancellationToken));
    }

    /// <summary>Creates a draft (<paramref name="id"/> null) or edits one; an edit of a submitted or approved campaign makes it a draft again.</summary>
    public async Task<EngagementResult<CampaignView>> SaveAsync(Actor actor, long? id, CampaignInput input, int? expectedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (values, errors) = CampaignValidation.Check(input, now);
        await using var db = factory.CreateDbContext();
        if (input.SegmentId is { } segmentId && await segments.FindAsync(actor, segmentId, cancellationToken) is null)
        {
            errors.Add(new FieldError("segmentId", "visible", "客群不存在或未共享给您"));
        }

        if (input.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            errors.Add(new FieldError("productId", "exists", "产品不存在"));
        }

        if (errors.Count > 0)
        {
            return EngagementProblem.Invalid(errors);
        }

        Campaign campaign;
        if (id is null)
        {
            campaign = new Campaign { CreatedBy = actor.UserId, CreatedAt = now };
            db.Campaigns.Add(campaign);
        }
        else
        {
            var found = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (found is null)
            {
                return EngagementProblem.NotFound();
            }

            if (expectedVersion is { } version && version != found.Version)
            {
                return new EngagementProblem(EngagementFailure.Conflict, "营销活动已被他人修改，请刷新后再改", []);
            }

            if (CampaignLifecycle.Edit(found) is { } refused)
            {
                return EngagementProblem.From(refused);
            }

            campaign = found;
        }

        Copy(values!, campaign);
        campaign.Version++;
        await SaveAuditedAsync(db, actor, id is null ? "created" : "edited", campaign, cancellationToken, AuditActions.CampaignSaved);
        return EngagementResult<CampaignView>.Ok(await ViewAsync(db, campaign, cancellationToken));
    }

    public Task<EngagementResult<CampaignView>> SubmitAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        StepAsync(actor, id, AuditActions.CampaignSubmitted, CampaignLifecycle.Submit, cancellationToken);

    public Task<EngagementResult<CampaignView>> ApproveAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        StepAsync(actor, id, AuditActions.CampaignApproved, c => CampaignLifecycle.Approve(c, actor, time.GetUtcNow().UtcDateTime), cancellationToken);

    public Task<EngagementResult<CampaignView>> RejectAsync(Actor actor, long id, string? reason, CancellationToken cancellationToken) =>
        StepAsync(actor, id, AuditActions.CampaignRejected, c => CampaignLifecycle.Reject(c, actor, reason), cancellationToken);

    public Task<EngagementResult<CampaignView>> CancelAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        StepAsync(actor, id, AuditActions.CampaignCancelled, CampaignLifecycle.Cancel, cancellationToken);

    /// <summary>Starts the send of an approved campaign now (Running); the send job carries it out in batches.</summary>
    public Task<EngagementResult<CampaignView>> LaunchAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        StepAsync(actor, id, AuditActions.CampaignLaunched, c => CampaignLifecycle.StartLaunch(c, time.GetUtcNow().UtcDateTime), cancellationToken);

    /// <summary>The approval panel: members the campaign reaches in its maker's scope now, and the message rendered for a sample customer.</summary>
    public async Task<EngagementResult<CampaignApprovalView>> ApprovalViewAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return EngagementProblem.NotFound();
        }

        var view = await ViewAsync(db, campaign, cancellationToken);
        var maker = await StaffActors.ForUserAsync(db, campaign.CreatedBy, cancellationToken);
        var members = await segments.CountAsync(maker, campaign.SegmentId, cancellationToken) ?? 0;
        var sample = Outreach.MessageModel.Sample with { ProductName = view.ProductName, Offer = campaign.Offer };
        return EngagementResult<CampaignApprovalView>.Ok(new CampaignApprovalView(
            view, members, (int)Math.Round(members * campaign.ControlPercent / 100.0), campaign.Subject, Outreach.MessageTemplates.Render(campaign.Template, sample)));
    }

    private async Task<EngagementResult<CampaignView>> StepAsync(Actor actor, long id, string action, Func<Campaign, CampaignRefusal?> step, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return EngagementProblem.NotFound();
        }

        if (step(campaign) is { } refused)
        {
            return EngagementProblem.From(refused);
        }

        campaign.Version++;
        try
        {
            await SaveAuditedAsync(db, actor, campaign.Status.ToString(), campaign, cancellationToken, action);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EngagementProblem(EngagementFailure.Conflict, "营销活动刚被他人处理过，请刷新后再试", []);
        }

        return EngagementResult<CampaignView>.Ok(await ViewAsync(db, campaign, cancellationToken));
    }

    private async Task SaveAuditedAsync(CrmDbContext db, Actor actor, string what, Campaign campaign, CancellationToken cancellationToken, string action)
    {
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, action) with
        {
            Fields = $"campaign:{campaign.Id}",
            Detail = AuditDetail.Of(new { campaignId = campaign.Id, campaign.Name, status = campaign.Status.ToString(), what, campaign.RejectionReason }),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
    }

    private static void Copy(Campaign from, Campaign to)
    {
        to.Name = from.Name;
        to.SegmentId = from.SegmentId;
        to.Offer = from.Offer;
        to.ProductId = from.ProductId;
        to.ChannelStrategy = from.ChannelStrategy;
        to.Subject = from.Subject;
        to.Template = from.Template;
        to.ScheduledAt = from.ScheduledAt;
        to.ControlPercent = from.ControlPercent;
        to.ConversionWindowDays = from.ConversionWindowDays;
        to.CostPerMessage = from.CostPerMessage;
        to.ValuePerConversion = from.ValuePerConversion;
    }

    internal static async Task<CampaignView> ViewAsync(CrmDbContext db, Campaign c, CancellationToken cancellationToken)
    {
        var segment = await db.Segments.Where(s => s.Id == c.SegmentId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var product = c.ProductId is { } productId ? await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var names = await StaffActors.DisplayNamesAsync(db, [c.CreatedBy, c.ApprovedBy], cancellationToken);
        var progress = await db.CampaignMembers.Where(m => m.CampaignId == c.Id)
            .GroupBy(m => 1)
            .Select(g => new LaunchProgress(g.Count(), g.Count(m => m.IsControl), g.Count(m => m.MessageId != null)))
            .FirstOrDefaultAsync(cancellationToken) ?? new LaunchProgress(0, 0, 0);
        return new CampaignView(
            c.Id, c.Name, c.SegmentId, segment ?? "—", c.Offer, c.ProductId, product, c.ChannelStrategy, c.Subject, c.Template, c.ScheduledAt,
            c.ControlPercent, c.ConversionWindowDays, c.CostPerMessage, c.ValuePerConversion, c.Status, c.CreatedBy, names.GetValueOrDefault(c.CreatedBy, c.CreatedBy),
            c.CreatedAt, c.ApprovedBy, c.ApprovedBy is { } a ? names.GetValueOrDefault(a, a) : null, c.ApprovedAt, c.RejectionReason, c.LaunchedAt,
            c.CompletedAt, c.Version, progress);
    }
}
