using BankCrm.Core.Audit;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Segmentation.Segments;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>
/// Sends a running campaign: takes the segment's customers (in the maker's scope) in batches of ids above the last
/// member assigned, draws each one's group, and enqueues the treatment members' messages through the outbox.
/// </summary>
/// <remarks>
/// A batch is one transaction that first claims the campaign row (version check), then adds the members and their
/// messages: a send killed at any point resumes from the last committed batch, and a second node or a second
/// caller working on the same campaign waits for the claim, finds the version moved and re-reads the cursor. The
/// outbox key <c>campaign:{id}:customer:{customerId}</c> is unique besides, so no member is ever enqueued twice.
/// </remarks>
public sealed class CampaignLauncher(CrmDbContextFactory factory, TimeProvider time, SegmentStore segments, AuditTrail audit)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Starts approved campaigns whose time has come and carries every running send on; returns messages enqueued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = factory.CreateDbContext())
        {
            due = await db.Campaigns.Where(c => (c.Status == CampaignStatus.Approved && c.ScheduledAt <= now) || c.Status == CampaignStatus.Running)
                .OrderBy(c => c.ScheduledAt).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var enqueued = 0;
        foreach (var id in due)
        {
            await StartIfDueAsync(id, now, cancellationToken);
            enqueued += await SendAsync(id, cancellationToken, batchSize);
        }

        return enqueued;
    }

    /// <summary>Sends what is left of a running campaign; returns the messages this call enqueued.</summary>
    public async Task<int> SendAsync(long campaignId, CancellationToken cancellationToken, int batchSize = DefaultBatchSize, IProgress<LaunchProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var db = factory.CreateDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return 0;
        }

        var maker = await StaffActors.ForUserAsync(db, campaign.CreatedBy, cancellationToken);
        var product = campaign.ProductId is { } productId ? await db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var channel = CampaignValidation.ChannelOf(campaign.ChannelStrategy);
        var enqueued = 0;
        while (campaign.Status == CampaignStatus.Running)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var version = campaign.Version;
            var claimed = await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Running && c.Version == version)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, version + 1), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId, cancellationToken);
                continue;
            }

            campaign.Version = version + 1;
            var cursor = await db.CampaignMembers.Where(m => m.CampaignId == campaignId).MaxAsync(m => (long?)m.CustomerId, cancellationToken) ?? 0;
            var members = await segments.MembersQueryAsync(db, maker, campaign.SegmentId, cancellationToken);
            var ids = members is null
                ? new List<long>()
                : await members.Where(c => c.Id > cursor).OrderBy(c => c.Id).Select(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(
                    u => u.SetProperty(c => c.Status, CampaignStatus.Completed).SetProperty(c => c.CompletedAt, now).SetProperty(c => c.Version, version + 2), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }

            foreach (var customerId in ids)
            {
                var member = new CampaignMember { CampaignId = campaignId, CustomerId = customerId, IsControl = ControlGroup.IsControl(campaignId, customerId, campaign.ControlPercent) };
                if (!member.IsControl)
                {
                    var model = await MessageModels.ForCustomerAsync(db, customerId, product, campaign.Offer, now, cancellationToken);
                    member.MessageId = await OutboxWriter.EnqueueAsync(db, new OutboundRequest(
                        $"campaign:{campaignId}:customer:{customerId}", customerId, channel, MessagePurpose.Marketing, MessageSource.Campaign, campaignId,
                        campaign.Subject, MessageTemplates.Render(campaign.Template, model), now, $"campaign:{campaignId}"), now, cancellationToken);
                    enqueued++;
                }

                db.CampaignMembers.Add(member);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(await ProgressAsync(db, campaignId, cancellationToken));
        }

        return enqueued;
    }

    public static async Task<LaunchProgress> ProgressAsync(CrmDbContext db, long campaignId, CancellationToken cancellationToken) =>
        await db.CampaignMembers.Where(m => m.CampaignId == campaignId).GroupBy(m => 1)
            .Select(g => new LaunchProgress(g.Count(), g.Count(m => m.IsControl), g.Count(m => m.MessageId != null)))
            .FirstOrDefaultAsync(cancellationToken) ?? new LaunchProgress(0, 0, 0);

    private async Task StartIfDueAsync(long campaignId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var started = await db.Campaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Approved && c.ScheduledAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Running).SetProperty(c => c.LaunchedAt, now).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (started == 1)
        {
            await audit.RecordAsync(new AuditRecord(AuditActions.CampaignLaunched, null, "campaign-send")
            {
                Fields = $"campaign:{campaignId}",
                Detail = AuditDetail.Of(new { campaignId, scheduled = true }),
            }, cancellationToken);
        }
    }
}
