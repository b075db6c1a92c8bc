using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>A campaign's members in the caller's scope, paged, with masked names (marketing sees the basic view).</summary>
public sealed class CampaignMembersQuery(CrmDbContextFactory factory)
{
    public async Task<PagedResult<CampaignMemberLine>?> ListAsync(Actor actor, long campaignId, bool? control, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return null;
        }

        page = PagedResult<CampaignMemberLine>.ClampPage(page);
        pageSize = PagedResult<CampaignMemberLine>.ClampPageSize(pageSize);
        var members = db.CampaignMembers.Where(m => m.CampaignId == campaignId && (control == null || m.IsControl == control))
            .Join(db.Customers.VisibleTo(actor), m => m.CustomerId, c => c.Id, (m, c) => new { Member = m, c.CustomerNumber, c.Name });
        var total = await members.CountAsync(cancellationToken);
        var rows = await members.OrderBy(r => r.Member.CustomerId).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Member.CustomerId, r.CustomerNumber, r.Name, r.Member.IsControl, r.Member.MessageId, r.Member.ConvertedAt,
                Status = db.OutboundMessages.Where(o => o.Id == r.Member.MessageId).Select(o => (Core.Engagement.Outreach.MessageStatus?)o.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<CampaignMemberLine>(
            [.. rows.Select(r => new CampaignMemberLine(r.CustomerId, r.CustomerNumber, Masking.Name(r.Name), r.IsControl, r.MessageId, r.Status?.ToString(), r.ConvertedAt))],
            total, page, pageSize);
    }
}
