using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Audit;

/// <summary>
/// The audit entries of customer screens and endpoints: every read (seed 003 记录所有访问), sensitive or not, every
/// list or search with the customers it showed, and refused look-ups.
/// </summary>
public sealed class CustomerAudit(AuditTrail trail, CrmDbContextFactory factory)
{
    public const string Balances = "balances";
    public const string Transactions = "transactions";

    /// <summary>The longest list of customer ids one entry names; a longer list is split over several entries.</summary>
    public const int MaxCustomersPerEntry = 200;

    /// <summary>
    /// One read of one customer: <paramref name="view"/> names what was shown ("profile", "interactions", "360"…).
    /// With <paramref name="sensitiveFields"/> (C2: balances, transactions) it is a sensitive read with its step-up purpose.
    /// </summary>
    public Task ViewedAsync(Actor actor, long customerId, string view, string? sensitiveFields = null, string? purpose = null, CancellationToken cancellationToken = default) =>
        trail.RecordAsync(
            AuditRecord.By(actor, sensitiveFields is null ? AuditActions.CustomerViewed : AuditActions.CustomerViewedSensitive) with
            {
                CustomerId = customerId,
                Fields = sensitiveFields ?? view,
                Purpose = purpose,
                Detail = sensitiveFields is null ? null : AuditDetail.Of(new { view }),
            },
            cancellationToken);

    public Task ViewedSensitiveAsync(Actor actor, long customerId, string fields, string? purpose = null, CancellationToken cancellationToken = default) =>
        trail.RecordAsync(AuditRecord.By(actor, AuditActions.CustomerViewedSensitive) with { CustomerId = customerId, Fields = fields, Purpose = purpose }, cancellationToken);

    /// <summary>
    /// The one rule for the Customer 360 (API and page alike): one entry per opening; a sensitive read of balances and
    /// transactions with the step-up purpose when the assets were shown, else a read of the masked header.
    /// </summary>
    public Task Viewed360Async(Actor actor, long customerId, bool assetsShown, string? purpose, CancellationToken cancellationToken = default) =>
        ViewedAsync(actor, customerId, "360", assetsShown ? $"{Balances},{Transactions}" : null, purpose, cancellationToken);

    /// <summary>
    /// One entry per list or search shown: the view, the query (search text masked) and the ids of every customer on
    /// the screen, so "who saw customer X" finds list reads too. Nothing is recorded when no customer was shown.
    /// </summary>
    public async Task ListedAsync(Actor actor, string view, IReadOnlyCollection<long> customerIds, object? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        foreach (var chunk in customerIds.Distinct().Chunk(MaxCustomersPerEntry))
        {
            await trail.RecordAsync(
                AuditRecord.By(actor, AuditActions.CustomersListed) with
                {
                    Fields = view,
                    CustomerIds = chunk,
                    Detail = AuditDetail.Of(new { view, query, count = chunk.Length, customers = chunk }),
                },
                cancellationToken);
        }
    }

    /// <summary>A list a page showed (rows, cards, a page of results): one entry naming every customer in it.</summary>
    public Task ShownAsync(Actor actor, string view, object? shown, object? query = null, CancellationToken cancellationToken = default) =>
        ListedAsync(actor, view, CustomersShown.In(shown), query, cancellationToken);

    /// <summary>
    /// Records a refusal only for a customer that exists: a 404 for an id nobody holds is a typo, one for a customer
    /// outside the caller's book is an attempt to look beyond their scope.
    /// </summary>
    public async Task DeniedIfExistsAsync(Actor actor, long customerId, string what, CancellationToken cancellationToken = default)
    {
        bool exists;
        await using (var db = factory.CreateDbContext())
        {
            exists = await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken);
        }

        if (exists)
        {
            await trail.RecordAsync(AuditRecord.By(actor, AuditActions.CustomerAccessDenied) with { CustomerId = customerId, Fields = what }, cancellationToken);
        }
    }
}
