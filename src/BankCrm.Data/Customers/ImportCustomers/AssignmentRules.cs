using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// The branch and relationship manager of an imported row. A blank branch code keeps an existing customer's
/// branch (new customers get the importer's branch); a blank manager keeps the current one unless the branch
/// changes. The manager must work in that branch, and a branch manager imports only into their own branch.
/// </summary>
internal static class AssignmentRules
{
    public static (int? BranchId, string? ManagerId) Resolve(ImportRun run, ImportRow row, Customer? target, Action<ImportField, string> fail)
    {
        int? branchId;
        if (row.BranchCode is { } code)
        {
            branchId = run.Directory.BranchId(code);
            if (branchId is null)
            {
                fail(ImportField.BranchCode, $"机构代码 {code} 不存在");
            }
        }
        else
        {
            branchId = target?.BranchId ?? run.Actor.BranchId;
            if (branchId is null)
            {
                fail(ImportField.BranchCode, "机构代码不能为空");
            }
        }

        if (run.OnlyBranch is { } own)
        {
            if (target is not null && target.BranchId != own)
            {
                fail(row.CustomerNumber is null ? ImportField.IdNumber : ImportField.CustomerNumber, $"客户 {target.CustomerNumber} 不属于本机构，不能修改");
            }
            else if (branchId is { } other && other != own)
            {
                fail(ImportField.BranchCode, $"只能导入本机构（{run.Directory.BranchCode(own)}）的客户");
            }
        }

        var managerId = target is not null && branchId == target.BranchId ? target.RelationshipManagerId : null;
        if (row.ManagerUserName is { } name)
        {
            var staff = run.Directory.Staff(name);
            if (staff is null)
            {
                fail(ImportField.RelationshipManager, $"客户经理 {name} 不存在");
            }
            else if (branchId is { } branch && staff.BranchId != branch)
            {
                fail(ImportField.RelationshipManager, $"客户经理 {name} 不属于机构 {run.Directory.BranchCode(branch)}");
            }
            else
            {
                managerId = staff.Id;
            }
        }

        return (branchId, managerId);
    }
}
