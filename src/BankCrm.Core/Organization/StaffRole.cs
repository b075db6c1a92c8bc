namespace BankCrm.Core.Organization;

/// <summary>The roles of bank staff; names are used as ASP.NET Core role names.</summary>
public static class StaffRole
{
    public const string Admin = "Admin";
    public const string RelationshipManager = "RelationshipManager";
    public const string Teller = "Teller";
    public const string BranchManager = "BranchManager";
    public const string Marketing = "Marketing";
    public const string ServiceAgent = "ServiceAgent";
    public const string ComplianceOfficer = "ComplianceOfficer";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
        [Admin, RelationshipManager, Teller, BranchManager, Marketing, ServiceAgent, ComplianceOfficer, Auditor];
}
