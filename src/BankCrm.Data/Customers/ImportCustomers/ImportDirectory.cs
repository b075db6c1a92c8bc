using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>Branches (all of them, a bank has a few hundred) and the staff named in the file, looked up once each.</summary>
internal sealed class ImportDirectory
{
    private readonly Dictionary<string, int> branchIds;
    private readonly Dictionary<int, string> branchCodes;
    private readonly Dictionary<string, StaffEntry?> staff = new(StringComparer.Ordinal);

    private ImportDirectory(Dictionary<string, int> branchIds)
    {
        this.branchIds = branchIds;
        branchCodes = branchIds.ToDictionary(b => b.Value, b => b.Key);
    }

    public static async Task<ImportDirectory> LoadAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Code }).ToListAsync(cancellationToken);
        return new ImportDirectory(branches.ToDictionary(b => b.Code.ToUpperInvariant(), b => b.Id, StringComparer.Ordinal));
    }

    public int? BranchId(string code) => branchIds.TryGetValue(code, out var id) ? id : null;

    public string BranchCode(int id) => branchCodes.TryGetValue(id, out var code) ? code : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public StaffEntry? Staff(string userName) => staff.GetValueOrDefault(userName.ToUpperInvariant());

    public async Task LoadStaffAsync(CrmDbContext db, IEnumerable<string?> userNames, CancellationToken cancellationToken)
    {
        var wanted = userNames.OfType<string>().Select(n => n.ToUpperInvariant()).Where(n => !staff.ContainsKey(n)).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var found = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedUserName, u.Id, u.BranchId })
            .ToListAsync(cancellationToken);
        foreach (var name in wanted)
        {
            staff[name] = found.FirstOrDefault(u => u.NormalizedUserName == name) is { } user ? new StaffEntry(user.Id, user.BranchId) : null;
        }
    }
}

internal sealed record StaffEntry(string Id, int? BranchId);
