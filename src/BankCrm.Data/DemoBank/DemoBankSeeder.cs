using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;

namespace BankCrm.Data.DemoBank;

/// <summary>Fills an empty database with the deterministic demo bank.</summary>
public static class DemoBankSeeder
{
    public static async Task SeedAsync(CrmDbContextFactory factory, DemoBankOptions options, TimeProvider time, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        db.Branches.Add(new Branch { Id = DemoStaff.HomeBranchId, Code = "SH001", Name = "上海陆家嘴支行", Province = "上海市", City = "上海市" });
        await db.SaveChangesAsync(cancellationToken);
        await StaffWriter.EnsureRolesAsync(db, cancellationToken);
        foreach (var (userName, displayName, role, branchId) in DemoStaff.Logins)
        {
            StaffWriter.Add(db, userName, displayName, role, branchId, DemoStaff.Password);
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report("demo logins created");
    }
}
