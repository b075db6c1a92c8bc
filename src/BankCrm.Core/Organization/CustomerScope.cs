namespace BankCrm.Core.Organization;

public enum ScopeKind
{
    None = 0,
    OwnBook = 1,
    Branch = 2,
    All = 3,
}

/// <summary>
/// Which customers a member of staff may see. Relationship managers see their own book, branch staff
/// their branch, head-office roles everything; anyone else sees nothing (deny by default).
/// </summary>
public sealed record CustomerScope(ScopeKind Kind, string? StaffId, int? BranchId)
{
    public static readonly CustomerScope Nobody = new(ScopeKind.None, null, null);

    public static CustomerScope For(IReadOnlyCollection<string> roles, string? staffId, int? branchId)
    {
        if (roles.Contains(StaffRole.Admin) || roles.Contains(StaffRole.ComplianceOfficer) || roles.Contains(StaffRole.Auditor)
            || roles.Contains(StaffRole.Marketing) || roles.Contains(StaffRole.ServiceAgent))
        {
            return new CustomerScope(ScopeKind.All, staffId, branchId);
        }

        if ((roles.Contains(StaffRole.BranchManager) || roles.Contains(StaffRole.Teller)) && branchId is not null)
        {
            return new CustomerScope(ScopeKind.Branch, staffId, branchId);
        }

        if (roles.Contains(StaffRole.RelationshipManager) && staffId is not null)
        {
            return new CustomerScope(ScopeKind.OwnBook, staffId, branchId);
        }

        return Nobody;
    }
}
