using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// Who a branch manager may give a task to: a member of the manager's own branch whose role works tasks and who can
/// open the customer (their book, their branch, or a running share). A task never hands over a customer the new owner
/// could not see: deny by default holds for tasks too.
/// </summary>
public static class TaskAssignees
{
    public const string Field = "ownerId";

    /// <summary>The members of a branch who work tasks, by name.</summary>
    public static async Task<IReadOnlyList<AssigneeOption>> MembersAsync(CrmDbContext db, int branchId, CancellationToken cancellationToken)
    {
        var roles = PermissionMatrix.RolesFor(Permissions.TasksWork);
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.BranchId == branchId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new AssigneeOption(u.Id, u.DisplayName, u.UserName ?? u.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The new owner's id and name, or the rule the choice breaks.</summary>
    public static async Task<(string? Id, string? Name, FieldError? Error)> CheckAsync(
        CrmDbContext db, Actor actor, long customerId, string? ownerId, DateTime now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            return Refused("required", "请选择负责人");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.Id, u.DisplayName, u.BranchId }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Refused("unknown", "该同事不存在");
        }

        if (actor.BranchId is null || user.BranchId != actor.BranchId)
        {
            return Refused("other_branch", "只能改派给本支行的同事");
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        if (!PermissionMatrix.Allows(roles, Permissions.TasksWork))
        {
            return Refused("not_eligible", "该同事的岗位不处理客户任务");
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.RelationshipManagerId, c.BranchId }).FirstAsync(cancellationToken);
        var sees = CustomerSharingRules.AlreadySees(user.Id, roles, user.BranchId, customer.RelationshipManagerId, customer.BranchId)
            || await db.CustomerShares.AnyAsync(s => s.CustomerId == customerId && s.SharedWithId == user.Id && s.RevokedAt == null && s.StartsAt <= now && s.ExpiresAt > now, cancellationToken);
        return sees ? (user.Id, user.DisplayName, null) : Refused("cannot_see", "该客户不在这位同事的客户范围内：请先共享客户或调整客户经理");
    }

    private static (string?, string?, FieldError?) Refused(string rule, string message) => (null, null, new FieldError(Field, rule, message));
}
