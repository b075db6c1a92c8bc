using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

/// <summary>Everything the Customer 360 page shows, each part loaded on demand and always through the actor's scope.</summary>
public sealed class Customer360Query(CrmDbContext db, TimeProvider time)
{
    public const int RecentTransactionCount = 10;

    /// <summary>The header, the tiles and the holdings: three queries, the ones the performance benchmark measures.</summary>
    public async Task<Customer360Summary?> SummaryAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        // One connection for the three queries, instead of taking and resetting a pooled one for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await LoadSummaryAsync(actor, id, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Customer360Summary?> LoadSummaryAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var queries = Customer360SummaryQueries.For(db);
        var header = await ReadHeaderAsync(actor, id);
        if (header is null)
        {
            return null;
        }

        var holdings = new List<HoldingLine>();
        await foreach (var row in queries.Holdings(db, id).WithCancellation(cancellationToken))
        {
            holdings.Add(row.ToLine());
        }

        var recent = new List<TransactionLine>(RecentTransactionCount);
        await foreach (var row in queries.Recent(db, id, RecentTransactionCount).WithCancellation(cancellationToken))
        {
            recent.Add(row.ToLine());
        }

        var c = header.Customer;
        var assets = holdings.Where(h => h.Category.IsAsset() && h.Status != AccountStatus.Closed).ToList();
        return new Customer360Summary(
            c.Id, c.CustomerNumber, c.Type, c.Name, Masking.IdNumber(c.IdNumber), Masking.Mobile(c.Mobile), c.Gender, c.BirthDate, c.Industry,
            header.BranchName ?? string.Empty, header.RmName, c.KycStatus, c.KycExpiresOn, c.CreatedAt, c.Version,
            assets.Sum(h => h.BalanceCny),
            holdings.Where(h => h.Category.IsLiability() && h.Status != AccountStatus.Closed).Sum(h => h.BalanceCny),
            holdings.Where(h => h.Status != AccountStatus.Closed).Select(h => h.Category).Distinct().Count(),
            holdings,
            [.. assets.GroupBy(h => h.Category).Select(g => new CategoryTotal(g.Key, g.Sum(h => h.BalanceCny))).OrderByDescending(t => t.Amount)],
            recent);
    }

    /// <summary>The header alone (no assets), masked as the actor's view requires: the basic view of tellers and marketing.</summary>
    public async Task<CustomerHeaderFacts?> HeaderAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var header = await ReadHeaderAsync(actor, id);
        if (header is null)
        {
            return null;
        }

        var c = header.Customer;
        return new CustomerHeaderFacts(
            c.Id, c.CustomerNumber, c.Type, actor.NameAsSeen(c.Name), Masking.IdNumber(c.IdNumber), Masking.Mobile(c.Mobile), c.Gender,
            actor.SeesFullProfile ? c.BirthDate : null, c.Industry, header.BranchName ?? string.Empty, header.RmName, c.KycStatus, c.KycExpiresOn, c.CreatedAt, c.Version);
    }

    /// <summary>
    /// The customer and its branch and manager names, in the actor's scope. A customer shared with the actor is
    /// visible as a whole, so its header is read without the scope predicate (the compiled query stays as it is,
    /// and so does its plan for everyone else).
    /// </summary>
    private Task<Customer360SummaryQueries.SummaryHeader?> ReadHeaderAsync(Actor actor, long id)
    {
        var scope = actor.Scope;
        var kind = actor.SharedCustomerIds.Contains(id) ? ScopeKind.All : scope.Kind;
        return Customer360SummaryQueries.For(db).Header(db, id, kind, scope.BranchId, scope.StaffId);
    }

    /// <summary>The full profile for the edit form (the caller has already been allowed to see this customer).</summary>
    public async Task<(CustomerProfile Profile, int Version)?> ProfileAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is null ? null : (customer.ToProfile(), customer.Version);
    }

    public async Task<PagedResult<TransactionLine>?> TransactionsAsync(Actor actor, long id, TransactionFilter filter, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        var page = PagedResult<TransactionLine>.ClampPage(filter.Page);
        var pageSize = PagedResult<TransactionLine>.ClampPageSize(filter.PageSize);
        var total = await Filtered(id, filter).CountAsync(cancellationToken);
        var items = await TransactionPageAsync(id, filter with { Page = page, PageSize = pageSize }, cancellationToken);
        return new PagedResult<TransactionLine>(items, total, page, pageSize);
    }

    /// <summary>Month-end AUM for the last 12 months, rebuilt backwards from today's balances and the flows since.</summary>
    public async Task<IReadOnlyList<MonthBalance>?> BalanceTrendAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        var today = ChinaTime.Today(time);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var since = firstMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        var assetAccounts = db.Accounts.Where(a => a.CustomerId == id)
            .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new { a.Id, a.Balance, a.Currency, a.Status, p.Category })
            .Where(a => ProductCategories.Assets.Contains(a.Category));
        var current = (await assetAccounts.Where(a => a.Status != AccountStatus.Closed).Select(a => new { a.Balance, a.Currency }).ToListAsync(cancellationToken))
            .Sum(a => ReferenceRates.ToCny(a.Balance, a.Currency));
        var flows = (await db.Transactions.Where(t => t.CustomerId == id && t.OccurredAt >= since)
            .Join(assetAccounts, t => t.AccountId, a => a.Id, (t, a) => new { t.OccurredAt, t.Amount, t.Currency })
            .ToListAsync(cancellationToken))
            .Select(f => new { f.OccurredAt, Amount = ReferenceRates.ToCny(f.Amount, f.Currency) })
            .ToList();

        var result = new List<MonthBalance>(12);
        for (var month = firstMonth; month <= today; month = month.AddMonths(1))
        {
            var monthEndUtc = month.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            var flowsAfter = flows.Where(f => f.OccurredAt >= monthEndUtc).Sum(f => f.Amount);
            result.Add(new MonthBalance(month.Year, month.Month, current - flowsAfter));
        }

        return result;
    }

    public async Task<PagedResult<InteractionLine>?> InteractionsAsync(Actor actor, long id, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        page = PagedResult<InteractionLine>.ClampPage(page);
        pageSize = PagedResult<InteractionLine>.ClampPageSize(pageSize);
        var query = db.Interactions.AsNoTracking().Where(i => i.CustomerId == id);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new InteractionLine(i.Id, i.OccurredAt, i.Channel, db.Users.Where(u => u.Id == i.StaffId).Select(u => u.DisplayName).FirstOrDefault(), i.Summary, i.Outcome, i.NextStep))
            .ToListAsync(cancellationToken);
        return new PagedResult<InteractionLine>(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<RelationshipLine>?> RelationshipsAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        var outgoing = await db.CustomerRelationships.Where(r => r.CustomerId == id)
            .Join(db.Customers, r => r.RelatedCustomerId, c => c.Id, (r, c) => new RelationshipLine(c.Id, c.CustomerNumber, c.Name, c.Type, r.Kind, true))
            .ToListAsync(cancellationToken);
        var incoming = await db.CustomerRelationships.Where(r => r.RelatedCustomerId == id)
            .Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new RelationshipLine(c.Id, c.CustomerNumber, c.Name, c.Type, r.Kind, false))
            .ToListAsync(cancellationToken);
        return [.. outgoing.Concat(incoming).Select(r => r with { RelatedName = actor.NameAsSeen(r.RelatedName) })];
    }

    public async Task<PagedResult<ChangeLine>?> ChangesAsync(Actor actor, long id, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        page = PagedResult<ChangeLine>.ClampPage(page);
        pageSize = PagedResult<ChangeLine>.ClampPageSize(pageSize);
        var query = db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == id);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = rows.Select(c => new ChangeLine(c.Id, c.ChangedAt, c.ChangedBy, c.Field, MaskChangeValue(c.Field, c.OldValue), MaskChangeValue(c.Field, c.NewValue))).ToList();
        return new PagedResult<ChangeLine>(items, total, page, pageSize);
    }

    public async Task<(IReadOnlyList<DocumentLine> Documents, IReadOnlyList<ContactLine> Contacts)?> DocumentsAndContactsAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        if (!await IsVisibleAsync(actor, id, cancellationToken))
        {
            return null;
        }

        var documents = await db.IdentityDocuments.AsNoTracking().Where(d => d.CustomerId == id).ToListAsync(cancellationToken);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => c.CustomerId == id)
            .Select(c => new ContactLine(c.Kind, c.Value, c.Label)).ToListAsync(cancellationToken);
        return (documents.Select(d => new DocumentLine(d.DocumentType, Masking.IdNumber(d.Number), d.IssuedOn, d.ExpiresOn, d.IssuedBy)).ToList(),
            contacts.Select(c => c with { Value = c.Kind is Core.Customers.ContactKind.Mobile or Core.Customers.ContactKind.Landline ? Masking.Mobile(c.Value) : c.Value }).ToList());
    }

    private Task<bool> IsVisibleAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == id, cancellationToken);

    private IQueryable<Transaction> Filtered(long id, TransactionFilter filter)
    {
        var query = db.Transactions.AsNoTracking().Where(t => t.CustomerId == id);
        if (filter.From is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            query = query.Where(t => t.OccurredAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            query = query.Where(t => t.OccurredAt < toUtc);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(t => t.Kind == kind);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (filter.MinAmount is { } min)
        {
            query = query.Where(t => t.Amount >= min || t.Amount <= -min);
        }

        if (filter.MaxAmount is { } max)
        {
            query = query.Where(t => t.Amount <= max && t.Amount >= -max);
        }

        return query;
    }

    private async Task<List<TransactionLine>> TransactionPageAsync(long id, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Filtered(id, filter)
            .Join(db.Accounts, t => t.AccountId, a => a.Id, (t, a) => new { t, a.AccountNumber })
            .OrderByDescending(x => x.t.OccurredAt).ThenByDescending(x => x.t.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(x => new Customer360SummaryQueries.RecentRow(x.t, x.AccountNumber))
            .ToListAsync(cancellationToken);
        return rows.Select(row => row.ToLine()).ToList();
    }

    private static string? MaskChangeValue(string field, string? value) => field switch
    {
        nameof(CustomerProfile.IdNumber) => Masking.IdNumber(value),
        nameof(CustomerProfile.Mobile) => Masking.Mobile(value),
        nameof(CustomerProfile.Email) => Masking.Email(value),
        _ => value,
    };
}
