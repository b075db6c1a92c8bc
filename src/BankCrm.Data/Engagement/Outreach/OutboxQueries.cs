using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>The outbox as its readers see it: only messages to customers in the reader's scope, names as the reader may see them.</summary>
public sealed class OutboxQueries(CrmDbContext db)
{
    public async Task<PagedResult<OutboxListItem>> ListAsync(Actor actor, OutboxFilter filter, CancellationToken cancellationToken = default)
    {
        var page = PagedResult<OutboxListItem>.ClampPage(filter.Page);
        var size = PagedResult<OutboxListItem>.ClampPageSize(filter.PageSize);
        var query = Filtered(actor, filter);
        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(actor, query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxListItem>([.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => Item(actor, r))], total, page, size);
    }

    public async Task<OutboxCounts> CountsAsync(Actor actor, OutboxFilter filter, CancellationToken cancellationToken = default)
    {
        var counts = await Filtered(actor, filter).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new OutboxCounts(counts.ToDictionary(c => c.Key, c => c.Count));
    }

    public async Task<OutboxMessageDetail?> GetAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var visible = Visible(actor).Where(m => m.Id == id);
        var row = await Rows(actor, visible).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var extra = await visible.Select(m => new { m.Body, m.Urgent, m.CreatedBy, m.ProviderMessageId }).SingleAsync(cancellationToken);
        var delivered = await Sink(actor, db.DeliveredMessages.Where(d => d.OutboundMessageId == id)).SingleOrDefaultAsync(cancellationToken);
        var item = Item(actor, row);
        return new OutboxMessageDetail(
            item, actor.TextAsSeen(extra.Body, row.CustomerName), extra.Urgent, extra.CreatedBy, extra.ProviderMessageId, delivered is null ? null : AsSeen(actor, delivered));
    }

    /// <summary>The development sink, newest first: what "was sent" on channels without a real gateway.</summary>
    public async Task<PagedResult<DeliveredView>> SinkAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = PagedResult<DeliveredView>.ClampPage(page);
        pageSize = PagedResult<DeliveredView>.ClampPageSize(pageSize);
        var visible = db.DeliveredMessages.Where(d => db.Customers.VisibleTo(actor).Any(c => c.Id == d.CustomerId));
        var total = await visible.CountAsync(cancellationToken);
        var rows = await Sink(actor, visible.OrderByDescending(d => d.DeliveredAt).ThenByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<DeliveredView>(
            [.. rows.OrderByDescending(r => r.DeliveredAt).ThenByDescending(r => r.Id).Select(r => AsSeen(actor, r))], total, page, pageSize);
    }

    /// <summary>A delivered message names the customer in its subject and text (a company by its full name): masked as the name is.</summary>
    private static DeliveredView AsSeen(Actor actor, DeliveredView d) => d with
    {
        CustomerName = actor.NameAsSeen(d.CustomerName),
        Subject = actor.TextAsSeen(d.Subject, d.CustomerName),
        Body = actor.TextAsSeen(d.Body, d.CustomerName),
    };

    private IQueryable<OutboundMessage> Visible(Actor actor) =>
        db.OutboundMessages.AsNoTracking().Where(m => db.Customers.VisibleTo(actor).Any(c => c.Id == m.CustomerId));

    private IQueryable<OutboundMessage> Filtered(Actor actor, OutboxFilter filter)
    {
        var query = Visible(actor);
        if (filter.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(m => m.Source == source);
        }

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(m => m.CustomerId == customerId);
        }

        if (filter.From is { } from)
        {
            var start = StartOfChinaDay(from);
            query = query.Where(m => m.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfChinaDay(to.AddDays(1));
            query = query.Where(m => m.CreatedAt < end);
        }

        return query;
    }

    // Filters, order and paging go on the rows before the projection (EF cannot translate a member of a constructed
    // record); the page is put back in order after the join.
    private IQueryable<DeliveredView> Sink(Actor actor, IQueryable<DeliveredMessage> delivered) =>
        from d in delivered.AsNoTracking()
        join c in db.Customers.VisibleTo(actor) on d.CustomerId equals c.Id
        select new DeliveredView(d.Id, d.OutboundMessageId, d.CustomerId, c.Name, d.Channel, d.MaskedRecipient, d.Subject, d.Body, d.DeliveredAt);

    private IQueryable<Row> Rows(Actor actor, IQueryable<OutboundMessage> messages) =>
        from m in messages
        join c in db.Customers.VisibleTo(actor) on m.CustomerId equals c.Id
        select new Row(m.Id, m.CustomerId, c.CustomerNumber, c.Name, m.Channel, m.Purpose, m.Source, m.SourceId, m.Subject, m.Status, m.StatusReason, m.Attempts,
            m.CreatedAt, m.NextAttemptAt, m.SentAt, m.RespondedAt);

    private static OutboxListItem Item(Actor actor, Row r) => new(
        r.Id, r.CustomerId, r.CustomerNumber, actor.NameAsSeen(r.CustomerName), Enum.IsDefined(r.Channel) ? r.Channel : null, r.Purpose, r.Source, r.SourceId,
        actor.TextAsSeen(r.Subject, r.CustomerName), r.Status, r.StatusReason, r.Attempts, r.CreatedAt, r.NextAttemptAt, r.SentAt, r.RespondedAt);

    internal static DateTime StartOfChinaDay(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);

    private sealed record Row(
        long Id, long CustomerId, string CustomerNumber, string CustomerName, Core.Consent.ContactChannel Channel, MessagePurpose Purpose, MessageSource Source,
        long? SourceId, string Subject, MessageStatus Status, string? StatusReason, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt,
        DateTime? RespondedAt);
}
