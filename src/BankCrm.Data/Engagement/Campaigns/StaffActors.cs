using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Campaigns;

/// <summary>
/// The member of staff a background send works for, rebuilt from the database: a campaign reaches the segment's
/// customers in its maker's data scope as it is at send time (a maker who lost the role reaches nobody).
/// </summary>
public static class StaffActors
{
    public static async Task<Actor> ForUserAsync(CrmDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.BranchId })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return new Actor(userId, userId, [], null);
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return new Actor(user.Id, user.UserName ?? user.Id, roles, user.BranchId);
    }

    public static async Task<Dictionary<string, string>> DisplayNamesAsync(CrmDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
