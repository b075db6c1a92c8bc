using System.Runtime.CompilerServices;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BankCrm.Data.Customers;

/// <summary>
/// The three queries of the Customer 360 summary, compiled once: this is the most requested read of the
/// product, and building and looking up the LINQ expression on every request cost measurable throughput.
/// A compiled query binds to the first model it runs against, so each model has its own set: one per provider
/// and key ring (the model holds the value converters of the encrypted columns; tests run several apps in one process).
/// </summary>
internal sealed class Customer360SummaryQueries
{
    private static readonly ConditionalWeakTable<IModel, Customer360SummaryQueries> ByModel = [];

    private Customer360SummaryQueries()
    {
    }

    public static Customer360SummaryQueries For(CrmDbContext db) =>
        ByModel.GetValue(db.Model, _ => new Customer360SummaryQueries());

    public readonly Func<CrmDbContext, long, ScopeKind, int?, string?, Task<SummaryHeader?>> Header =
        EF.CompileAsyncQuery((CrmDbContext db, long id, ScopeKind scope, int? branchId, string? staffId) =>
            db.Customers.AsNoTracking()
                .Where(c => c.Id == id
                    && (scope == ScopeKind.All
                        || (scope == ScopeKind.Branch && c.BranchId == branchId)
                        || (scope == ScopeKind.OwnBook && c.RelationshipManagerId == staffId)))
                .Select(c => new SummaryHeader(
                    c,
                    db.Branches.Where(b => b.Id == c.BranchId).Select(b => b.Name).FirstOrDefault(),
                    db.Users.Where(u => u.Id == c.RelationshipManagerId).Select(u => u.DisplayName).FirstOrDefault()))
                .FirstOrDefault());

    public readonly Func<CrmDbContext, long, IAsyncEnumerable<HoldingRow>> Holdings =
        EF.CompileAsyncQuery<CrmDbContext, long, HoldingRow>((db, id) =>
            from a in db.Accounts.AsNoTracking()
            join p in db.Products on a.ProductId equals p.Id
            where a.CustomerId == id
            orderby a.Id
            select new HoldingRow(a, p.Name, p.Category, p.RiskLevel));

    public readonly Func<CrmDbContext, long, int, IAsyncEnumerable<RecentRow>> Recent =
        EF.CompileAsyncQuery<CrmDbContext, long, int, RecentRow>((db, id, count) =>
            (from t in db.Transactions.AsNoTracking()
             join a in db.Accounts on t.AccountId equals a.Id
             where t.CustomerId == id
             orderby t.OccurredAt descending, t.Id descending
             select new RecentRow(t, a.AccountNumber))
            .Take(count));

    internal sealed record SummaryHeader(Customer Customer, string? BranchName, string? RmName);

    internal sealed record HoldingRow(Account Account, string Name, ProductCategory Category, int? RiskLevel)
    {
        public HoldingLine ToLine() => new(
            Account.Id, Masking.AccountNumber(Account.AccountNumber), Name, Category, RiskLevel, Account.Balance, Account.Currency,
            ReferenceRates.ToCny(Account.Balance, Account.Currency), Account.OpenedOn, Account.MaturesOn, Account.Status);
    }

    internal sealed record RecentRow(Transaction Transaction, string AccountNumber)
    {
        public TransactionLine ToLine() => new(
            Transaction.Id, Transaction.OccurredAt, Masking.AccountNumber(AccountNumber), Transaction.Kind, Transaction.Channel,
            Transaction.Amount, Transaction.Currency, Transaction.Counterparty);
    }
}
