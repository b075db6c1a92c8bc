using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>What to do with one valid row: create (no target) or update the target with the normalised profile.</summary>
internal sealed record RowPlan(Customer? Target, CustomerProfile Profile, int BranchId, string? ManagerId);

/// <summary>
/// Applies to one row the rules the customer form applies (<see cref="CustomerValidator"/>, duplicate ID number,
/// duplicate name + phone), plus the import's own: which customer the row means, repeats inside the file, and
/// branch and relationship manager. Every broken rule becomes a row error; a row with none gets a plan.
/// </summary>
internal sealed class RowDecider(ImportRun run, BatchLookup lookup)
{
    public (RowPlan? Plan, List<ImportRowError> Errors) Decide(ImportRow row)
    {
        var errors = new List<ImportRowError>(row.ParseErrors);
        void Fail(ImportField field, string message) => errors.Add(row.Error(field, message));

        var target = FindTarget(row, Fail);
        CheckRepeatsInFile(row, target, Fail);
        CustomerProfile? profile = null;
        var idValid = false;
        if (row.Type is { } type)
        {
            if (target is not null && target.Type != type)
            {
                Fail(ImportField.Type, $"已有客户 {target.CustomerNumber} 是{(target.Type == CustomerType.Corporate ? "对公" : "个人")}客户，导入不能修改客户类型");
            }

            var (normalized, fieldErrors) = CustomerValidator.Validate(target is null ? row.Profile : row.Over(target.ToProfile(), run.Header), run.Today);
            foreach (var error in fieldErrors)
            {
                Fail(Enum.TryParse<ImportField>(error.Field, out var field) ? field : ImportField.Name, error.Message);
            }

            idValid = !fieldErrors.Any(e => e.Field == nameof(CustomerProfile.IdNumber));
            if (idValid)
            {
                CheckDuplicatesInDatabase(row, normalized, target, Fail);
            }

            profile = normalized;
        }

        var (branchId, managerId) = AssignmentRules.Resolve(run, row, target, Fail);
        if (idValid)
        {
            run.Seen.AddId(row.IdKey, row.Number);
        }

        if ((target?.CustomerNumber ?? row.CustomerNumber) is { } number)
        {
            run.Seen.AddNumber(number, row.Number);
        }

        return errors.Count > 0 || profile is null || branchId is null
            ? (null, errors)
            : (new RowPlan(target, profile, branchId.Value, managerId), errors);
    }

    /// <summary>The customer number names the customer; without one, an ID number already on file does.</summary>
    private Customer? FindTarget(ImportRow row, Action<ImportField, string> fail)
    {
        if (row.CustomerNumber is { } number)
        {
            if (lookup.ByNumber.TryGetValue(number, out var byNumber))
            {
                return byNumber;
            }

            if (!CustomerNumber.IsWellFormed(number))
            {
                fail(ImportField.CustomerNumber, "客户号应为 C 加 8 位数字（如 C00012345）；新客户可留空，由系统分配");
            }

            return null;
        }

        var owners = row.IdKey.Length == 0 ? [] : lookup.ById[row.IdKey].ToList();
        if (owners.Count > 1)
        {
            fail(ImportField.IdNumber, $"证件号码对应多个已有客户（{string.Join("、", owners.Select(o => o.CustomerNumber))}），请填写客户号指明要更新哪一个");
            return null;
        }

        return owners.SingleOrDefault();
    }

    private void CheckRepeatsInFile(ImportRow row, Customer? target, Action<ImportField, string> fail)
    {
        var idRow = row.IdKey.Length > 0 ? run.Seen.IdRow(row.IdKey) : null;
        if (idRow is not null)
        {
            fail(ImportField.IdNumber, $"证件号码与第 {idRow} 行重复");
        }

        var number = target?.CustomerNumber ?? row.CustomerNumber;
        if (number is not null && run.Seen.NumberRow(number) is { } numberRow && (row.CustomerNumber is not null || idRow is null))
        {
            fail(ImportField.CustomerNumber, row.CustomerNumber is not null ? $"客户号 {number} 已被第 {numberRow} 行使用" : $"与第 {numberRow} 行是同一客户（{number}）");
        }
    }

    private void CheckDuplicatesInDatabase(ImportRow row, CustomerProfile profile, Customer? target, Action<ImportField, string> fail)
    {
        var id = profile.IdNumber!;
        var idChanges = target is null || !string.Equals(target.IdNumber, id, StringComparison.Ordinal);

        // Without a customer number the ID number chose the target, so another owner means several: reported already.
        if (idChanges && row.CustomerNumber is not null && lookup.ById[id].FirstOrDefault(c => c.Id != target?.Id) is { } owner)
        {
            fail(ImportField.IdNumber, $"证件号码已属于客户 {owner.CustomerNumber}");
        }

        var nameOrPhoneChanges = target is null || target.Mobile != profile.Mobile || target.Name != profile.Name;
        if (profile.Mobile is { } mobile && nameOrPhoneChanges
            && lookup.ByMobile[mobile].FirstOrDefault(m => m.Name == profile.Name && m.Id != target?.Id) is { } same)
        {
            fail(ImportField.Mobile, $"姓名和手机号与已有客户 {same.CustomerNumber} 相同");
        }
    }
}
