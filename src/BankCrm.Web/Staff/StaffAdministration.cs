using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Staff;

public sealed record StaffLine(string Id, string UserName, string DisplayName, int? BranchId, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactorEnabled);

public sealed record CreateStaffRequest(string? UserName, string? DisplayName, int? BranchId, IReadOnlyList<string>? Roles, string? Password);

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>
/// Staff accounts and their roles, for administrators. Every grant or removal of a role is a permission change:
/// audited with the roles before and after, and the user's security stamp renewed so open sessions and tokens
/// pick up the new roles at their next check instead of keeping the old ones for hours.
/// </summary>
public sealed class StaffAdministration(UserManager<StaffUser> users, AuditTrail audit, BearerStampCheck stamps, TimeProvider time)
{
    public abstract record Outcome
    {
        public sealed record Done(StaffLine Staff) : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public async Task<IReadOnlyList<StaffLine>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var lines = new List<StaffLine>(all.Count);
        foreach (var user in all)
        {
            lines.Add(await LineAsync(user));
        }

        return lines;
    }

    public async Task<Outcome> CreateAsync(Actor admin, CreateStaffRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 50 || !request.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            errors.Add(new FieldError("userName", "format", "用户名须为 1–50 位字母、数字或 . _ -"));
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 50)
        {
            errors.Add(new FieldError("displayName", "required", "请填写姓名（不超过 50 个字）"));
        }

        errors.AddRange(CheckRoles(request.Roles));
        if (errors.Count > 0)
        {
            return new Outcome.Invalid(errors);
        }

        var user = new StaffUser { UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), BranchId = request.BranchId, LockoutEnabled = true };
        var created = string.IsNullOrEmpty(request.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return new Outcome.Invalid([.. created.Errors.Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName", e.Code, e.Description))]);
        }

        await users.AddToRolesAsync(user, request.Roles!);
        await audit.RecordAsync(AuditRecord.By(admin, AuditActions.StaffCreated) with { Detail = $"{user.UserName}: {string.Join(",", request.Roles!)}" }, cancellationToken);
        await audit.RecordAsync(AuditRecord.By(admin, AuditActions.PermissionChanged) with { Detail = $"{user.UserName}: (none) → {string.Join(",", request.Roles!.Order(StringComparer.Ordinal))}" }, cancellationToken);
        return new Outcome.Done(await LineAsync(user));
    }

    public async Task<Outcome> SetRolesAsync(Actor admin, string id, SetRolesRequest request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome.NotFound();
        }

        var errors = CheckRoles(request.Roles).ToList();
        var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var after = request.Roles?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        if (user.Id == admin.UserId && before.Contains(StaffRole.Admin) && !after.Contains(StaffRole.Admin))
        {
            // Otherwise the last administrator can lock everyone out of staff management.
            errors.Add(new FieldError("roles", "own_admin", "不能取消自己的管理员角色，请由另一位管理员操作"));
        }

        if (errors.Count > 0)
        {
            return new Outcome.Invalid(errors);
        }

        if (!before.SequenceEqual(after))
        {
            await users.RemoveFromRolesAsync(user, before.Except(after));
            await users.AddToRolesAsync(user, after.Except(before));
            await users.UpdateSecurityStampAsync(user);
            stamps.Forget(user.Id);
            await audit.RecordAsync(
                AuditRecord.By(admin, AuditActions.PermissionChanged) with { Detail = $"{user.UserName}: {Roles(before)} → {Roles(after)}" }, cancellationToken);
        }

        return new Outcome.Done(await LineAsync(user));
    }

    public async Task<Outcome> SetLockedAsync(Actor admin, string id, bool locked, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new Outcome.NotFound();
        }

        if (locked && user.Id == admin.UserId)
        {
            return new Outcome.Invalid([new FieldError("id", "self", "不能锁定自己的账户")]);
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            // Ends the user's sessions and tokens at their next check.
            await users.UpdateSecurityStampAsync(user);
            stamps.Forget(user.Id);
        }
        else
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await audit.RecordAsync(AuditRecord.By(admin, locked ? AuditActions.StaffLocked : AuditActions.StaffUnlocked) with { Detail = user.UserName }, cancellationToken);
        return new Outcome.Done(await LineAsync(user));
    }

    private static IEnumerable<FieldError> CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            yield return new FieldError("roles", "required", "请至少选择一个角色");
            yield break;
        }

        foreach (var role in roles.Where(r => !StaffRole.All.Contains(r)))
        {
            yield return new FieldError("roles", "unknown", $"未知角色：{role}");
        }
    }

    private static string Roles(IReadOnlyCollection<string> roles) => roles.Count == 0 ? "(none)" : string.Join(",", roles);

    private async Task<StaffLine> LineAsync(StaffUser user) => new(
        user.Id, user.UserName ?? string.Empty, user.DisplayName, user.BranchId, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
        user.LockoutEnd is { } end && end > time.GetUtcNow(), user.TwoFactorEnabled);
}
