using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers;

/// <summary>The customer list and global search: scoped to the actor, filtered, sorted and paged on the server.</summary>
public sealed class CustomerSearch(CrmDbContext db)
{
    public async Task<PagedResult<CustomerListItem>> ListAsync(Actor actor, CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        var page = PagedResult<CustomerListItem>.ClampPage(query.Page);
        var pageSize = PagedResult<CustomerListItem>.ClampPageSize(query.PageSize);
        var term = SearchTerm.Recognise(query.Search);
        var customers = Filtered(actor, query);
        var countLimit = term?.Kind == SearchTermKind.Name ? Math.Max(1, query.NameSearchCountLimit) : int.MaxValue;
        var total = countLimit == int.MaxValue
            ? await customers.CountAsync(cancellationToken)
            : await customers.Take(countLimit + 1).CountAsync(cancellationToken);
        var capped = total > countLimit;
        total = Math.Min(total, countLimit);
        var ordered = (query.Sort, query.Descending) switch
        {
            (CustomerSort.Name, false) => customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
            (CustomerSort.Name, true) => customers.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
            (CustomerSort.CreatedAt, false) => customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (CustomerSort.CreatedAt, true) => customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            (_, true) => customers.OrderByDescending(c => c.Id),
            _ => customers.OrderBy(c => c.Id),
        };

        var rows = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Id,
                c.CustomerNumber,
                c.Type,
                c.Name,
                c.IdNumber,
                c.Mobile,
                c.BranchId,
                BranchName = db.Branches.Where(b => b.Id == c.BranchId).Select(b => b.Name).FirstOrDefault(),
                c.RelationshipManagerId,
                RmName = db.Users.Where(u => u.Id == c.RelationshipManagerId).Select(u => u.DisplayName).FirstOrDefault(),
                c.KycStatus,
                c.CreatedAt,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new CustomerListItem(
            r.Id, r.CustomerNumber, r.Type, actor.NameAsSeen(r.Name), Masking.IdNumber(r.IdNumber), Masking.Mobile(r.Mobile), r.BranchId,
            r.BranchName ?? string.Empty, r.RelationshipManagerId, r.RmName, r.KycStatus, r.CreatedAt)).ToList();
        return new PagedResult<CustomerListItem>(items, total, page, pageSize) { TotalIsLowerBound = capped };
    }

    /// <summary>The customers of the list with its search and filters, in the actor's scope, unordered and unpaged (for exports).</summary>
    public IQueryable<Customer> Filtered(Actor actor, CustomerListQuery query)
    {
        var customers = Matching(SearchTerm.Recognise(query.Search)).VisibleTo(actor);
        if (query.BranchId is { } branchId)
        {
            customers = customers.Where(c => c.BranchId == branchId);
        }

        if (!string.IsNullOrEmpty(query.RelationshipManagerId))
        {
            customers = customers.Where(c => c.RelationshipManagerId == query.RelationshipManagerId);
        }

        if (query.Type is { } type)
        {
            customers = customers.Where(c => c.Type == type);
        }

        return customers;
    }

    private IQueryable<Customer> Matching(SearchTerm? term)
    {
        if (term is null)
        {
            return db.Customers;
        }

        switch (term.Kind)
        {
            case SearchTermKind.CustomerNumber:
                return db.Customers.Where(c => c.CustomerNumber == term.Value);
            case SearchTermKind.IdNumber:
                return db.Customers.WithIdNumber(db.BlindIndex(), term.Value);
            case SearchTermKind.Mobile:
                return db.Customers.WithMobile(db.BlindIndex(), term.Value);
            default:
                return MatchingName(term.Value);
        }
    }

    private IQueryable<Customer> MatchingName(string value)
    {
        var pattern = "%" + EscapeLike(value) + "%";
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // The GIN index on bankcrm_name_grams(name) narrows the rows; LIKE confirms the substring.
            var grams = SearchTerm.NameGrams(value).ToArray();
            return db.Customers.FromSql(
                $"SELECT * FROM customers WHERE bankcrm_name_grams(name) @> {grams} AND name LIKE {pattern} ESCAPE '\\'");
        }

        return db.Customers.Where(c => EF.Functions.Like(c.Name, pattern, "\\"));
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
