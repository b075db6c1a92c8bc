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
    private const int Window = 180;

    public async Task<IReadOnlyList<ChurnFeatures>> ComputeAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var ids = customerIds.Distinct().ToList();
        var end = Utc(asOf.AddDays(1));
        var d30 = end.AddDays(-30);
        var d60 = end.AddDays(-60);
        var d90 = end.AddDays(-90);
        var d180 = end.AddDays(-Window);

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
            .ToListAsync(cancellationToken)).ToDictionary(f => f.AccountId);
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
            .ToListAsync(cancellationToken)).ToDictionary(a => a.CustomerId);
        var logins = (await db.AppEvents.AsNoTracking().Where(e => ids.Contains(e.CustomerId) && e.Kind == AppEventKind.Login && e.OccurredAt >= d180 && e.OccurredAt < end)
            .GroupBy(e => e.CustomerId)
            .Select(g => new { CustomerId = g.Key, Last30 = g.Count(e => e.OccurredAt >= d30), Last90 = g.Count(e => e.OccurredAt >= d90), Previous90 = g.Count(e => e.OccurredAt < d90) })
            .ToListAsync(cancellationToken)).ToDictionary(l => l.CustomerId);
        var notes = (await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.CustomerId) && i.OccurredAt >= d180 && i.OccurredAt < end)
            .GroupBy(i => i.CustomerId)
            .Select(g => new
            {
                CustomerId = g.Key,
                Complaints = g.Count(i => i.Summary.Contains("投诉")),
                OtherBanks = g.Count(i => i.Summary.Contains("他行") || i.Summary.Contains("其他银行")),
            })
            .ToListAsync(cancellationToken)).ToDictionary(n => n.CustomerId);

        var accountsByCustomer = accounts.ToLookup(a => a.CustomerId);
        var result = new List<ChurnFeatures>(customers.Count);
        foreach (var customer in customers)
        {
            double aum = 0, aum60 = 0, aum90 = 0;
            var categories = new HashSet<ProductCategory>();
            foreach (var account in accountsByCustomer[customer.Id])
            {
                flows.TryGetValue(account.Id, out var flow);
                // A closed account with flows after the date was still open then.
                if (account.Status != AccountStatus.Closed || flow?.AnyAfter > 0)
                {
                    categories.Add(account.Category);
                }

                if (!account.Category.IsAsset())
                {
                    continue;
                }

                var rate = account.Currency == ReferenceRates.Cny ? 1.0 : (double)ReferenceRates.ToCny(1m, account.Currency);
                var then = ((double)account.Balance - (flow?.After ?? 0)) * rate;
                aum += then;
                aum60 += then - (flow?.Last60 ?? 0) * rate;
                aum90 += then - (flow?.Last90 ?? 0) * rate;
            }

            activity.TryGetValue(customer.Id, out var act);
            logins.TryGetValue(customer.Id, out var login);
            notes.TryGetValue(customer.Id, out var note);
            result.Add(new ChurnFeatures
            {
                CustomerId = customer.Id,
                IsCorporate = customer.Type == CustomerType.Corporate,
                Age = customer.BirthDate is { } birth ? (asOf.DayNumber - birth.DayNumber) / 365.25 : 0,
                TenureYears = (end - customer.CreatedAt).TotalDays / 365.25,
                ProductCategories = categories.Count,
                Transactions30 = act?.Last30 ?? 0,
                Transactions90 = act?.Last90 ?? 0,
                TransactionsPrevious90 = act?.Previous90 ?? 0,
                DaysSinceLastTransaction = act is null ? Window + 1 : (int)(end - act.Latest).TotalDays,
                Salaries60 = act?.Salaries60 ?? 0,
                SalariesPrevious120 = act?.SalariesPrevious ?? 0,
                TransfersOut90 = act?.TransfersOut90 ?? 0,
                Redemptions90 = act?.Redemptions90 ?? 0,
                Aum = Math.Max(0, aum),
                Aum60DaysAgo = Math.Max(0, aum60),
                Aum90DaysAgo = Math.Max(0, aum90),
                Logins30 = login?.Last30 ?? 0,
                Logins90 = login?.Last90 ?? 0,
                LoginsPrevious90 = login?.Previous90 ?? 0,
                Complaints180 = note?.Complaints ?? 0,
                OtherBankMentions180 = note?.OtherBanks ?? 0,
            });
        }

        return result;
    }

    /// <summary>The start of a China day as the UTC instant the database stores.</summary>
    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
}
