using BankCrm.Core.Organization;

namespace BankCrm.Data.Organization;

/// <summary>The demo logins, one per role, all with <see cref="Password"/>. Created only in demo mode.</summary>
public static class DemoStaff
{
    public const string Password = "Demo@12345";

    /// <summary>The branch the demo logins work in (上海陆家嘴支行 in the demo bank).</summary>
    public const int HomeBranchId = 1;

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, int? BranchId)> Logins =
    [
        ("admin", "系统管理员", StaffRole.Admin, null),
        ("rm1", "李明", StaffRole.RelationshipManager, HomeBranchId),
        ("rm2", "王芳", StaffRole.RelationshipManager, HomeBranchId),
        ("teller1", "赵磊", StaffRole.Teller, HomeBranchId),
        ("manager1", "陈静", StaffRole.BranchManager, HomeBranchId),
        ("marketing1", "刘洋", StaffRole.Marketing, null),
        ("agent1", "周婷", StaffRole.ServiceAgent, null),
        ("compliance1", "吴刚", StaffRole.ComplianceOfficer, null),
        ("auditor1", "郑华", StaffRole.Auditor, null),
    ];
}
