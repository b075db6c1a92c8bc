using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Campaigns;

public sealed record GroupFigures(int Members, int Responded, int Converted)
{
    public GroupRate Conversion => new(Converted, Members);

    public GroupRate Response => new(Responded, Members);
}

/// <summary>What became of the treatment group's messages, from the outbox.</summary>
public sealed record DeliveryFunnel(int Enqueued, int Waiting, int Sent, int Blocked, int DeadLetter, int Opened, int Clicked, int Responded);

public sealed record CampaignReport(
    CampaignView Campaign, DeliveryFunnel Funnel, GroupFigures Treatment, GroupFigures Control, double TreatmentConversionRate, double ControlConversionRate,
    double TreatmentResponseRate, UpliftEstimate? Uplift, decimal IncrementalConversions, decimal MessageCost, decimal? Roi, DateOnly? WindowFrom, DateOnly? WindowTo);

/// <summary>
/// Tracking and the report of a campaign. Responses are copied from the outbox rows; a conversion is an account of
/// the campaign's product opened by a member — treatment and control alike — from the launch day to the end of
/// the conversion window. Both are set-based updates of campaign_members, never a loop over customers.
/// </summary>
public sealed class CampaignReports(CrmDbContextFactory factory, TimeProvider time)
{
    public async Task<EngagementResult<CampaignReport>> ReportAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return EngagementProblem.NotFound();
        }

        var window = await TrackAsync(db, campaign, cancellationToken);
        var groups = await db.CampaignMembers.Where(m => m.CampaignId == campaignId).GroupBy(m => m.IsControl)
            .Select(g => new { Control = g.Key, Members = g.Count(), Responded = g.Count(m => m.RespondedAt != null), Converted = g.Count(m => m.ConvertedAccountId != null) })
            .ToListAsync(cancellationToken);
        var treatment = groups.Where(g => !g.Control).Select(g => new GroupFigures(g.Members, g.Responded, g.Converted)).FirstOrDefault() ?? new GroupFigures(0, 0, 0);
        var control = groups.Where(g => g.Control).Select(g => new GroupFigures(g.Members, g.Responded, g.Converted)).FirstOrDefault() ?? new GroupFigures(0, 0, 0);

        var messages = db.OutboundMessages.Where(o => o.Source == MessageSource.Campaign && o.SourceId == campaignId);
        var funnel = await messages.GroupBy(o => 1).Select(g => new DeliveryFunnel(
                g.Count(),
                g.Count(o => o.Status == MessageStatus.Pending || o.Status == MessageStatus.Sending),
                g.Count(o => o.Status == MessageStatus.Sent),
                g.Count(o => o.Status == MessageStatus.Blocked),
                g.Count(o => o.Status == MessageStatus.DeadLetter),
                g.Count(o => o.OpenedAt != null),
                g.Count(o => o.ClickedAt != null),
                g.Count(o => o.RespondedAt != null)))
            .FirstOrDefaultAsync(cancellationToken) ?? new DeliveryFunnel(0, 0, 0, 0, 0, 0, 0, 0);

        var uplift = UpliftWithConfidence.Compute(treatment.Conversion, control.Conversion);
        var incremental = IncrementalConversions.Compute(treatment.Conversion, control.Conversion);
        var cost = CampaignRoi.MessageCost(funnel.Sent, campaign.CostPerMessage);
        var view = await CampaignStore.ViewAsync(db, campaign, cancellationToken);
        return EngagementResult<CampaignReport>.Ok(new CampaignReport(
            view, funnel, treatment, control, treatment.Conversion.Rate, control.Conversion.Rate, treatment.Response.Rate, uplift,
            decimal.Round(incremental, 2), cost, CampaignRoi.Compute(incremental, campaign.ValuePerConversion, cost) is { } roi ? decimal.Round(roi, 4) : null,
            window?.From, window?.To));
    }

    /// <summary>Brings responses and conversions of the campaign's members up to date; returns the conversion window, if launched.</summary>
    public async Task<(DateOnly From, DateOnly To)?> TrackAsync(CrmDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = campaign.Id;
        await db.CampaignMembers.Where(m => m.CampaignId == id && m.MessageId != null && m.RespondedAt == null
                && db.OutboundMessages.Any(o => o.Id == m.MessageId && o.RespondedAt != null))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.RespondedAt, m => db.OutboundMessages.Where(o => o.Id == m.MessageId).Select(o => o.RespondedAt).FirstOrDefault()), cancellationToken);

        if (campaign.LaunchedAt is not { } launched)
        {
            return null;
        }

        var from = DateOnly.FromDateTime(ChinaTime.FromUtc(launched));
        var to = from.AddDays(campaign.ConversionWindowDays);
        if (campaign.ProductId is { } productId)
        {
            await db.CampaignMembers.Where(m => m.CampaignId == id && m.ConvertedAccountId == null
                    && db.Accounts.Any(a => a.CustomerId == m.CustomerId && a.ProductId == productId && a.OpenedOn >= from && a.OpenedOn <= to))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.ConvertedAccountId, m => db.Accounts
                        .Where(a => a.CustomerId == m.CustomerId && a.ProductId == productId && a.OpenedOn >= from && a.OpenedOn <= to).Min(a => (long?)a.Id))
                    .SetProperty(m => m.ConvertedAt, now), cancellationToken);
        }

        return (from, to);
    }
}
