using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Interactions;

/// <summary>
/// A customer's timeline, newest first: logged contacts, messages sent or blocked, playbook journey steps and tasks.
/// Page n needs at most n × size rows of each kind, so each kind is read newest first up to that many (by its
/// customer index) and the four are merged here; the usual reader looks at the first pages only.
/// </summary>
public sealed class CustomerTimelineQuery(CrmDbContext db)
{
    public async Task<PagedResult<TimelineEntry>?> ForAsync(Actor actor, long customerId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        page = PagedResult<TimelineEntry>.ClampPage(page);
        pageSize = PagedResult<TimelineEntry>.ClampPageSize(pageSize);
        var take = page * pageSize;
        var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId);
        var messages = db.OutboundMessages.AsNoTracking().Where(m => m.CustomerId == customerId && (m.Status == MessageStatus.Sent || m.Status == MessageStatus.Blocked));
        var steps = db.EnrolmentSteps.AsNoTracking().Where(s => s.CustomerId == customerId);
        var tasks = db.WorkTasks.AsNoTracking().Where(t => t.CustomerId == customerId);
        var total = await interactions.CountAsync(cancellationToken) + await messages.CountAsync(cancellationToken)
            + await steps.CountAsync(cancellationToken) + await tasks.CountAsync(cancellationToken);

        var rows = new List<(TimelineEntry Entry, string? StaffId)>(take * 4);
        rows.AddRange((await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(take)
                .Select(i => new { i.Id, i.OccurredAt, i.Summary, i.Outcome, i.NextStep, i.StaffId, i.Channel }).ToListAsync(cancellationToken))
            .Select(i => (new TimelineEntry(TimelineKind.Interaction, i.Id, i.OccurredAt, i.Summary, i.Outcome, i.NextStep, null, i.Channel, null, null, null, null), i.StaffId)));
        rows.AddRange((await messages.OrderByDescending(m => m.SentAt ?? m.CreatedAt).ThenByDescending(m => m.Id).Take(take)
                .Select(m => new { m.Id, At = m.SentAt ?? m.CreatedAt, m.Subject, m.StatusReason, m.Channel, m.Status }).ToListAsync(cancellationToken))
            .Select(m => (new TimelineEntry(TimelineKind.Message, m.Id, m.At, m.Subject, m.Status == MessageStatus.Blocked ? m.StatusReason : null, null, null, null,
                Enum.IsDefined(m.Channel) ? m.Channel : (ContactChannel?)null, m.Status, null, null), (string?)null)));
        rows.AddRange((await steps.OrderByDescending(s => s.ExecutedAt).ThenByDescending(s => s.Id).Take(take)
                .Join(db.Enrolments, s => s.EnrolmentId, e => e.Id, (s, e) => new { s, e.PlaybookId })
                .Join(db.Playbooks, x => x.PlaybookId, p => p.Id, (x, p) => new { x.s.Id, x.s.ExecutedAt, x.s.Kind, x.s.Result, p.Name })
                .ToListAsync(cancellationToken))
            .Select(s => (new TimelineEntry(TimelineKind.JourneyStep, s.Id, s.ExecutedAt, s.Name, s.Result, null, null, null, null, null, s.Kind, null), (string?)null)));
        rows.AddRange((await tasks.OrderByDescending(t => t.CompletedAt ?? t.CreatedAt).ThenByDescending(t => t.Id).Take(take)
                .Select(t => new { t.Id, At = t.CompletedAt ?? t.CreatedAt, t.Title, t.Outcome, t.OutcomeNote, t.OwnerId, t.Status }).ToListAsync(cancellationToken))
            .Select(t => (new TimelineEntry(TimelineKind.Task, t.Id, t.At, t.Title, t.Outcome, t.OutcomeNote, null, null, null, null, null, t.Status), (string?)t.OwnerId)));

        var pageRows = rows.OrderByDescending(r => r.Entry.At).ThenBy(r => r.Entry.Kind).ThenByDescending(r => r.Entry.SourceId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var staffIds = pageRows.Select(r => r.StaffId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var items = pageRows.Select(r => r.StaffId is { } id && names.TryGetValue(id, out var name) ? r.Entry with { StaffName = name } : r.Entry).ToList();
        return new PagedResult<TimelineEntry>(items, total, page, pageSize);
    }
}
