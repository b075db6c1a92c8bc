using BankCrm.Core.Audit;

namespace BankCrm.Web.Audit;

/// <summary>Chinese names of the audit actions for the auditor's page.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [AuditActions.LoginSucceeded] = "登录成功",
        [AuditActions.LoginFailed] = "登录失败",
        [AuditActions.LoginLockedOut] = "账户锁定",
        [AuditActions.CustomerViewedSensitive] = "查看敏感信息",
        [AuditActions.CustomerAccessDenied] = "越权访问被拒",
        [AuditActions.CustomerCreated] = "新建客户",
        [AuditActions.CustomerUpdated] = "修改客户",
        [AuditActions.CustomersImported] = "批量导入",
        [AuditActions.Export] = "导出",
        [AuditActions.PermissionChanged] = "权限变更",
        [AuditActions.AuditVerified] = "校验审计链",
        [AuditActions.ConsentRecorded] = "记录授权同意",
        [AuditActions.KeysRotated] = "轮换加密密钥",
    };

    public static string Of(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
