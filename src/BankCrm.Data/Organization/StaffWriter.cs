using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Organization;

/// <summary>Creates roles and staff accounts directly in the Identity tables (no UserManager needed in the CLI).</summary>
public static class StaffWriter
{
    public static async Task EnsureRolesAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in StaffRole.All.Where(r => !existing.Contains(r)))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a user; with a null password the account exists (it can own customers) but cannot sign in.
    /// The demo bank passes a fixed <paramref name="id"/> so the same seed gives the same staff ids.
    /// </summary>
    public static StaffUser Add(CrmDbContext db, string userName, string displayName, string role, int? branchId, string? password, string? id = null)
    {
        var user = new StaffUser
        {
            Id = id ?? Guid.NewGuid().ToString(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName,
            BranchId = branchId,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };
        if (password is not null)
        {
            user.PasswordHash = StaffPasswordHashing.Hasher().HashPassword(user, password);
        }

        db.Users.Add(user);
        var roleId = db.Roles.Local.FirstOrDefault(r => r.Name == role)?.Id ?? db.Roles.Where(r => r.Name == role).Select(r => r.Id).First();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return user;
    }
}
