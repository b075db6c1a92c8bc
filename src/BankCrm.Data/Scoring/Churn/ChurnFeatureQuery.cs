using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// Computes <see cref="ChurnFeatures"/> for a batch of customers as of the end of a day (China time) with six
/// set-based queries — customers, accounts, account flows, transaction activity, app logins, interaction notes —
/// whatever the batch size. Nothing after the date is used except today's balances, from which the flows since
/// the date are subtracted.
/// </summary>
internal sealed class ChurnFeatureQuery(CrmDbContext db)
{
    public async Task<IReadOnlyList<ChurnFeatures>> ComputeAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var ids = customerIds.Distinct().ToList();
        var w = ChurnWindows.Of(asOf);
        var (end, d30, d60, d90, d180) = (w.End, w.Days30, w.Days60, w.Days90, w.Days180);

        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && c.CreatedAt < end)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Type, c.BirthDate, c.CreatedAt })
            .ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.CustomerId) && a.OpenedOn <= asOf)
            .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new { a.Id, a.CustomerId, a.Balance, a.Currency, a.Status, p.Category })
            .ToListAsync(cancellationToken);
        // Per account: the flows after the date (to rebuild the balance then) and over the last 60 and 90 days.
        var flows = (await db.Transactions.AsNoTracking().Where(t => ids.Contains(t.CustomerId) && t.OccurredAt >= d90)
            .GroupBy(t => t.AccountId)
            .Select(g => new
            {
                AccountId = g.Key,
                After = g.Sum(t => t.OccurredAt >= end ? (double)t.Amount : 0.0),
                Last60 = g.Sum(t => t.OccurredAt >= d60 && t.OccurredAt < end ? (double)t.Amount : 0.0),
                Last90 = g.Sum(t => t.OccurredAt < end ? (double)t.Amount : 0.0),
                AnyAfter = g.Count(t => t.OccurredAt >= end),
            })
            .ToListAsync(cancellationToken)).ToDictionary(f => f.AccountId, f => new ChurnFlows(f.After, f.Last60, f.Last90, f.AnyAfter));
        var activity = (await db.Transactions.AsNoTracking().Where(t => ids.Contains(t.CustomerId) && t.OccurredAt >= d180 && t.OccurredAt < end)
            .GroupBy(t => t.CustomerId)
            .Select(g => new
            {
                CustomerId = g.Key,
                Last30 = g.Count(t => t.OccurredAt >= d30),
                Last90 = g.Count(t => t.OccurredAt >= d90),
                Previous90 = g.Count(t => t.OccurredAt < d90),
                Latest = g.Max(t => t.OccurredAt),
                Salaries60 = g.Count(t => t.Kind == TransactionKind.Salary && t.OccurredAt >= d60),
                SalariesPrevious = g.Count(t => t.Kind == TransactionKind.Salary && t.OccurredAt < d60),
                Redemptions90 = g.Count(t => t.Kind == TransactionKind.WealthRedemption && t.Amount < 0 && t.OccurredAt >= d90),
                TransfersOut90 = g.Sum(t => (t.Kind == TransactionKind.TransferOut || t.Kind == TransactionKind.CrossBorderRemittanceOut) && t.OccurredAt >= d90 ? -(double)t.Amount : 0.0),
            })
            .ToListAsync(cancellationToken)).ToDictionary(
                a => a.CustomerId,
                a => new ChurnActivity(a.Last30, a.Last90, a.Previous90, a.Latest, a.Salaries60, a.SalariesPrevious, a.Redemptions90, a.TransfersOut90));
        var logins = (await db.AppEvents.AsNoTracking().Where(e => ids.Contains(e.CustomerId) && e.Kind == AppEventKind.Login && e.OccurredAt >= d180 && e.OccurredAt < end)
            .GroupBy(e => e.CustomerId)
            .Select(g => new { CustomerId = g.Key, Last30 = g.Count(e => e.OccurredAt >= d30), Last90 = g.Count(e => e.OccurredAt >= d90), Previous90 = g.Count(e => e.OccurredAt < d90) })
            .ToListAsync(cancellationToken)).ToDictionary(l => l.CustomerId, l => new ChurnLogins(l.Last30, l.Last90, l.Previous90));
        var notes = (await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.CustomerId) && i.OccurredAt >= d180 && i.OccurredAt < end)
            .GroupBy(i => i.CustomerId)
            .Select(g => new
            {
                CustomerId = g.Key,
                Complaints = g.Count(i => i.Summary.Contains("投诉")),
                OtherBanks = g.Count(i => i.Summary.Contains("他行") || i.Summary.Contains("其他银行")),
            })
            .ToListAsync(cancellationToken)).ToDictionary(n => n.CustomerId, n => new ChurnNotes(n.Complaints, n.OtherBanks));

        var accountsByCustomer = accounts.ToLookup(a => a.CustomerId, a => new ChurnAccount(
            a.Category, (double)a.Balance, a.Currency, a.Status == AccountStatus.Closed, flows.GetValueOrDefault(a.Id)));
        return
        [
            .. customers.Select(c => ChurnFeatureBuilder.Build(
                new ChurnCustomer(c.Id, c.Type, c.BirthDate, c.CreatedAt), accountsByCustomer[c.Id], activity.GetValueOrDefault(c.Id),
                logins.GetValueOrDefault(c.Id), notes.GetValueOrDefault(c.Id), asOf, w)),
        ];
    }
}
