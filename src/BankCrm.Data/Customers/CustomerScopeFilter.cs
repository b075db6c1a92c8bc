using BankCrm.Core.Customers;
using BankCrm.Core.Organization;

namespace BankCrm.Data.Customers;

public static class CustomerScopeFilter
{
    /// <summary>Restricts a customer query to what the actor may see; unknown scopes see nothing.</summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, Actor actor)
    {
        var scope = actor.Scope;
        return scope.Kind switch
        {
            ScopeKind.All => customers,
            ScopeKind.Branch => customers.Where(c => c.BranchId == scope.BranchId),
            ScopeKind.OwnBook => customers.Where(c => c.RelationshipManagerId == scope.StaffId),
            _ => customers.Where(c => false),
        };
    }
}
