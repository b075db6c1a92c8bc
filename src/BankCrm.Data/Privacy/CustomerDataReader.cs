using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Privacy;

public sealed record ExportAccount(long Id, string AccountNumber, string ProductName, ProductCategory Category, DateOnly OpenedOn, DateOnly? MaturesOn, decimal Balance, string Currency, AccountStatus Status);

/// <summary>A link to another customer, without that customer's data: only which way the link goes and what it is.</summary>
public sealed record ExportRelationship(RelationshipKind Kind, bool Outgoing, DateTime CreatedAt);

public sealed record ExportInteraction(DateTime OccurredAt, InteractionChannel Channel, string Summary, string? Outcome, string? NextStep);

/// <summary>Everything of one customer except transactions and app events, which are streamed (there may be many thousands).</summary>
public sealed record CustomerDataSnapshot(
    Customer Customer, string BranchName, string? RelationshipManagerName, IReadOnlyList<IdentityDocument> IdentityDocuments, IReadOnlyList<ContactPoint> ContactPoints,
    IReadOnlyList<ExportRelationship> Relationships, IReadOnlyList<ExportAccount> Accounts, IReadOnlyList<ExportInteraction> Interactions,
    IReadOnlyList<ConsentRecord> Consents, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// Reads all personal information of one customer for the copy of PIPL Art. 45. Callers have checked the request and
/// scope (<see cref="PrivacyRequestStore.StartExportAsync"/>); nothing here reads another customer's rows.
/// </summary>
public sealed class CustomerDataReader(CrmDbContext db)
{
    public async Task<CustomerDataSnapshot> ReadAsync(long customerId, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, cancellationToken);
        var branch = await db.Branches.AsNoTracking().Where(b => b.Id == customer.BranchId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var rm = customer.RelationshipManagerId is { } rmId
            ? await db.Users.AsNoTracking().Where(u => u.Id == rmId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var documents = await db.IdentityDocuments.AsNoTracking().Where(d => d.CustomerId == customerId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var contacts = await db.ContactPoints.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var relationships = await db.CustomerRelationships.AsNoTracking()
            .Where(r => r.CustomerId == customerId || r.RelatedCustomerId == customerId)
            .OrderBy(r => r.Id)
            .Select(r => new ExportRelationship(r.Kind, r.CustomerId == customerId, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var accounts = await (from a in db.Accounts.AsNoTracking()
                              join p in db.Products.AsNoTracking() on a.ProductId equals p.Id
                              where a.CustomerId == customerId
                              orderby a.OpenedOn, a.Id
                              select new ExportAccount(a.Id, a.AccountNumber, p.Name, p.Category, a.OpenedOn, a.MaturesOn, a.Balance, a.Currency, a.Status))
            .ToListAsync(cancellationToken);
        var interactions = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId).OrderBy(i => i.OccurredAt).ThenBy(i => i.Id)
            .Select(i => new ExportInteraction(i.OccurredAt, i.Channel, i.Summary, i.Outcome, i.NextStep)).ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var changes = await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == customerId).OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new CustomerDataSnapshot(customer, branch, rm, documents, contacts, relationships, accounts, interactions, consents, changes);
    }

    /// <summary>Oldest first, streamed row by row so a customer with many thousands of transactions is never held in memory.</summary>
    public IAsyncEnumerable<Transaction> TransactionsAsync(long customerId) =>
        db.Transactions.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.OccurredAt).ThenBy(t => t.Id).AsAsyncEnumerable();

    public IAsyncEnumerable<AppEvent> AppEventsAsync(long customerId) =>
        db.AppEvents.AsNoTracking().Where(e => e.CustomerId == customerId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).AsAsyncEnumerable();
}
