using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Customers;

public sealed record BranchOption(int Id, string Name);

public sealed record StaffOption(string Id, string DisplayName, int? BranchId);

/// <summary>The branches and relationship managers a member of staff may pick in filters and forms.</summary>
internal static class StaffDirectory
{
    public static async Task<IReadOnlyList<BranchOption>> BranchesAsync(CrmDbContext db, Actor actor, CancellationToken cancellationToken = default)
    {
        var branches = db.Branches.AsNoTracking();
        if (actor.Scope.Kind != ScopeKind.All)
        {
            branches = branches.Where(b => b.Id == actor.BranchId);
        }

        return await branches.OrderBy(b => b.Id).Select(b => new BranchOption(b.Id, b.Name)).ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<StaffOption>> RelationshipManagersAsync(CrmDbContext db, Actor actor, int? branchId, CancellationToken cancellationToken = default)
    {
        var roleId = db.Roles.Where(r => r.Name == StaffRole.RelationshipManager).Select(r => r.Id);
        var managers = db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        if (actor.Scope.Kind != ScopeKind.All)
        {
            managers = managers.Where(u => u.BranchId == actor.BranchId);
        }

        if (branchId is { } branch)
        {
            managers = managers.Where(u => u.BranchId == branch);
        }

        return await managers.OrderBy(u => u.DisplayName).Select(u => new StaffOption(u.Id, u.DisplayName, u.BranchId)).ToListAsync(cancellationToken);
    }
}
