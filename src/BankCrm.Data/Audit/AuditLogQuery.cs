using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Audit;

/// <summary>Filters of the auditor's view; times are UTC instants, the page converts China time.</summary>
public sealed record AuditLogFilter
{
    public string? User { get; init; }

    /// <summary>A customer number (C…) or a numeric customer id.</summary>
    public string? Customer { get; init; }

    public string? Action { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

public sealed record AuditLine(
    long Id, DateTime OccurredAt, string ActorName, string Action, long? CustomerId, string? CustomerNumber,
    string? Fields, string? Purpose, string? Detail, string? RemoteIp);

/// <summary>The audit log as auditors read it: newest first, filtered and paged in the database.</summary>
public sealed class AuditLogQuery(CrmDbContext db)
{
    public async Task<PagedResult<AuditLine>> ListAsync(AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var page = PagedResult<AuditLine>.ClampPage(filter.Page);
        var pageSize = PagedResult<AuditLine>.ClampPageSize(filter.PageSize);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        // PostgreSQL cannot take NUL in a query (and no entry holds one): it is dropped from the filters rather than fail.
        filter = filter with { User = WithoutNul(filter.User), Customer = WithoutNul(filter.Customer), Action = WithoutNul(filter.Action) };
        if (filter.User is { Length: > 0 } user)
        {
            var name = user.Trim();
            entries = entries.Where(e => e.ActorName == name);
        }

        if (filter.Action is { Length: > 0 } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        if (filter.Customer is { Length: > 0 } customer)
        {
            var id = await CustomerIdAsync(customer.Trim(), cancellationToken) ?? -1;

            // Through the per-customer index, so list and search reads that showed the customer are found too, and the
            // time range narrows the index scan instead of filtering millions of entries.
            var named = db.Set<AuditedCustomer>().Where(c => c.CustomerId == id);
            if (filter.From is { } namedFrom)
            {
                named = named.Where(c => c.OccurredAt >= namedFrom);
            }

            if (filter.To is { } namedTo)
            {
                named = named.Where(c => c.OccurredAt < namedTo);
            }

            entries = entries.Join(named, e => e.Id, c => c.EntryId, (e, _) => e);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(e => new AuditLine(
                e.Id, e.OccurredAt, e.ActorName, e.Action, e.CustomerId,
                db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.CustomerNumber).FirstOrDefault(),
                e.Fields, e.Purpose, e.Detail, e.RemoteIp))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditLine>(items, total, page, pageSize);
    }

    private async Task<long?> CustomerIdAsync(string text, CancellationToken cancellationToken) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : await db.Customers.Where(c => c.CustomerNumber == text.ToUpperInvariant()).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    private static string? WithoutNul(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);
}
