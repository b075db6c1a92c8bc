using static BankCrm.Core.Organization.StaffRole;

namespace BankCrm.Core.Organization;

/// <summary>
/// Role × permission. Deny by default: a permission not listed here is held by nobody, and a role not named
/// for a permission does not hold it. Keep docs/security.md in step (a test compares them).
/// </summary>
public static class PermissionMatrix
{
    private static readonly Dictionary<string, string[]> Holders = new(StringComparer.Ordinal)
    {
        [Permissions.SelfService] = [Teller, RelationshipManager, BranchManager, Marketing, ServiceAgent, ComplianceOfficer, Auditor, Admin],
        [Permissions.CustomersReadBasic] = [Teller, RelationshipManager, BranchManager, Marketing, ServiceAgent, ComplianceOfficer, Auditor, Admin],
        [Permissions.CustomersRead] = [RelationshipManager, BranchManager, ServiceAgent, ComplianceOfficer, Auditor, Admin],
        [Permissions.CustomersWrite] = [RelationshipManager, BranchManager, Admin],
        [Permissions.CustomersImport] = [BranchManager, Admin],
        [Permissions.CustomersExport] = [RelationshipManager, BranchManager, Marketing, ComplianceOfficer, Admin],
        [Permissions.CustomersShare] = [RelationshipManager, BranchManager],
        [Permissions.HoldingsRead] = [RelationshipManager, BranchManager, ComplianceOfficer, Auditor],
        [Permissions.SensitiveReveal] = [RelationshipManager, BranchManager, ComplianceOfficer],
        [Permissions.ConsentRead] = [Teller, RelationshipManager, BranchManager, Marketing, ServiceAgent, ComplianceOfficer, Auditor, Admin],
        [Permissions.ConsentWrite] = [Teller, RelationshipManager, BranchManager, ServiceAgent, ComplianceOfficer],
        [Permissions.PrivacyRequests] = [ServiceAgent, RelationshipManager, BranchManager, ComplianceOfficer],
        [Permissions.PrivacyApprove] = [ComplianceOfficer],
        [Permissions.AuditRead] = [Auditor, Admin],
        [Permissions.ScoresRead] = [RelationshipManager, BranchManager, Marketing, ComplianceOfficer, Admin],
        [Permissions.ScoringRun] = [Admin],
        [Permissions.TagsManage] = [Marketing, Admin],
        [Permissions.SegmentsManage] = [Marketing, BranchManager, Admin],
        [Permissions.SegmentsRead] = [Marketing, BranchManager, Admin],
        [Permissions.StaffManage] = [Admin],
        [Permissions.TasksWork] = [RelationshipManager, BranchManager, ServiceAgent],
        [Permissions.TasksTeam] = [BranchManager],
        [Permissions.InteractionsWrite] = [RelationshipManager, BranchManager, ServiceAgent],
        [Permissions.PlaybooksManage] = [Marketing, Admin],
        [Permissions.CampaignsManage] = [Marketing],
        [Permissions.CampaignsApprove] = [BranchManager, ComplianceOfficer],
        [Permissions.OutboxRead] = [Marketing, ComplianceOfficer, Admin],
        [Permissions.OutboxManage] = [Marketing, Admin],
        [Permissions.EventsManage] = [RelationshipManager, BranchManager, Marketing],
    };

    public static IReadOnlyCollection<string> AllPermissions => Holders.Keys;

    public static IReadOnlyList<string> RolesFor(string permission) =>
        Holders.TryGetValue(permission, out var roles) ? roles : [];

    public static bool Allows(IEnumerable<string> roles, string permission) =>
        Holders.TryGetValue(permission, out var holders) && roles.Any(holders.Contains);
}
