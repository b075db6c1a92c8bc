using BankCrm.Core.Customers;
using BankCrm.Core.Organization;

namespace BankCrm.Data.Customers;

public static class CustomerScopeFilter
{
    /// <summary>Restricts a customer query to what the actor may see; unknown scopes see nothing.</summary>
    /// <remarks>
    /// Customers shared with the actor are added with an <c>OR id IN (…)</c> only when there are any, so the queries of
    /// everyone without a running share keep their single-index plans (relationship_manager_id or branch_id).
    /// </remarks>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, Actor actor)
    {
        var scope = actor.Scope;
        var shared = actor.SharedCustomerIds;
        return scope.Kind switch
        {
            ScopeKind.All => customers,
            ScopeKind.Branch when shared.Count > 0 => customers.Where(c => c.BranchId == scope.BranchId || shared.Contains(c.Id)),
            ScopeKind.OwnBook when shared.Count > 0 => customers.Where(c => c.RelationshipManagerId == scope.StaffId || shared.Contains(c.Id)),
            ScopeKind.Branch => customers.Where(c => c.BranchId == scope.BranchId),
            ScopeKind.OwnBook => customers.Where(c => c.RelationshipManagerId == scope.StaffId),
            _ => customers.Where(c => false),
        };
    }
}
