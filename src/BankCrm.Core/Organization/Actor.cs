namespace BankCrm.Core.Organization;

/// <summary>The member of staff on whose behalf a query or change runs; every data access takes one.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlyCollection<string> Roles, int? BranchId)
{
    public CustomerScope Scope => CustomerScope.For(Roles, UserId, BranchId);

    public bool IsInRole(string role) => Roles.Contains(role);
}
