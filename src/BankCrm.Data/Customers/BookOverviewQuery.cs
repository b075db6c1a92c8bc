using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

/// <summary>The customers an actor looks after, in figures: what the home workbench shows.</summary>
public sealed record BookOverview(
    ScopeKind Scope,
    int CustomerCount,
    int IndividualCount,
    int CorporateCount,
    decimal? TotalAum,
    IReadOnlyList<BookCustomer> Customers);

/// <summary>One customer in a workbench list; <c>Aum</c> is set only where the list is ranked by it.</summary>
public sealed record BookCustomer(long Id, string CustomerNumber, string Name, CustomerType Type, decimal? Aum, DateTime CreatedAt);

public sealed class BookOverviewQuery(CrmDbContext db)
{
    public const int ListSize = 5;

    /// <summary>
    /// A relationship manager gets the AUM of their own book and their largest customers. Anyone else gets the
    /// counts of the customers they may see and the newest ones: summing the AUM of a whole bank on every
    /// home-page load would be the slowest query in the system, for a figure nobody in those roles acts on.
    /// </summary>
    public async Task<BookOverview> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        // The book is what the actor owns: a customer a colleague shares for a week would inflate the RM's AUM.
        var customers = db.Customers.AsNoTracking().VisibleTo(actor with { SharedCustomerIds = [] });
        var byType = await customers.GroupBy(c => c.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var individuals = byType.Where(t => t.Key == CustomerType.Individual).Sum(t => t.Count);
        var corporates = byType.Where(t => t.Key == CustomerType.Corporate).Sum(t => t.Count);
        var scope = actor.Scope.Kind;

        if (scope != ScopeKind.OwnBook)
        {
            var newest = await customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(ListSize)
                .Select(c => new BookCustomer(c.Id, c.CustomerNumber, c.Name, c.Type, null, c.CreatedAt))
                .ToListAsync(cancellationToken);
            newest = [.. newest.Select(c => c with { Name = actor.NameAsSeen(c.Name) })];
            return new BookOverview(scope, individuals + corporates, individuals, corporates, null, newest);
        }

        var balances = db.Accounts.AsNoTracking()
            .Where(a => a.Status != AccountStatus.Closed && customers.Select(c => c.Id).Contains(a.CustomerId))
            .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new { a.CustomerId, a.Balance, a.Currency, p.Category })
            .Where(x => ProductCategories.Assets.Contains(x.Category));

        // PostgreSQL sums per customer and currency (a large book is tens of thousands of customers); SQLite cannot
        // sum decimals in SQL, and its demo books are small enough to add up here.
        var sums = db.Provider == DatabaseProvider.Postgres
            ? await balances.GroupBy(x => new { x.CustomerId, x.Currency })
                .Select(g => new { g.Key.CustomerId, g.Key.Currency, Balance = g.Sum(x => x.Balance) })
                .ToListAsync(cancellationToken)
            : [.. (await balances.Select(x => new { x.CustomerId, x.Currency, x.Balance }).ToListAsync(cancellationToken))];
        var aumByCustomer = sums.GroupBy(b => b.CustomerId).ToDictionary(g => g.Key, g => g.Sum(b => ReferenceRates.ToCny(b.Balance, b.Currency)));
        var topIds = aumByCustomer.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(ListSize).Select(p => p.Key).ToList();
        var top = await customers.Where(c => topIds.Contains(c.Id))
            .Select(c => new BookCustomer(c.Id, c.CustomerNumber, c.Name, c.Type, null, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var ranked = top.Select(c => c with { Aum = aumByCustomer[c.Id] }).OrderByDescending(c => c.Aum).ThenBy(c => c.Id).ToList();
        return new BookOverview(scope, individuals + corporates, individuals, corporates, aumByCustomer.Values.Sum(), ranked);
    }
}
