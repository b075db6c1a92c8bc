using System.Globalization;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.DemoBank.Catalogs;
using BankCrm.Data.Organization;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>A member of staff of the demo bank; only the demo logins can sign in.</summary>
internal sealed record StaffMember(string Id, string UserName, string DisplayName, string Role, int? BranchId, bool CanSignIn);

/// <summary>
/// The fixed frame of one demo bank: its "as of" date, the branches in use, the staff and how customers are spread
/// over branches and relationship managers. Everything here depends only on the options and the date.
/// </summary>
internal sealed class BankLayout
{
    public const int HistoryMonths = 24;
    public const int CustomersPerGeneratedRm = 700;

    // Branch 1: rm1 and rm2 (the demo logins) each own a quarter; generated RMs most of the rest; a tenth is unassigned.
    private const double Rm1Share = 0.25;
    private const double Rm2Share = 0.25;
    private const double UnassignedShare = 0.10;

    private readonly Weighted<BranchSite> branchWeights;
    private readonly Dictionary<int, string[]> generatedRms;

    public BankLayout(DemoBankOptions options, DateOnly asOf)
    {
        if (options.Customers is < 1 or > UniqueKeys.MaxCustomers)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Customers, $"The demo bank holds 1 to {UniqueKeys.MaxCustomers:N0} customers.");
        }

        Options = options;
        AsOf = asOf;
        Branches = [.. BranchCatalog.All.Take(BranchCatalog.CountFor(options.Customers))];
        branchWeights = new Weighted<BranchSite>(Branches.Select(b => (b, b.Weight)));
        var staff = DemoStaff.Logins.Select(l => new StaffMember(StaffIdOf(l.UserName), l.UserName, l.DisplayName, l.Role, l.BranchId, true)).ToList();
        generatedRms = [];
        var totalWeight = Branches.Sum(b => b.Weight);
        foreach (var branch in Branches)
        {
            var expected = options.Customers * branch.Weight / totalWeight;
            var count = Math.Max(2, (int)Math.Round(expected / CustomersPerGeneratedRm));
            var random = DemoRandom.For(options.Seed, RandomStream.Staff, branch.Id);
            var ids = new string[count];
            for (var i = 0; i < count; i++)
            {
                var userName = string.Create(CultureInfo.InvariantCulture, $"rm-{branch.Code.ToLowerInvariant()}-{i + 1:D2}");
                var gender = random.Chance(0.5) ? Gender.Male : Gender.Female;
                var name = NameGenerator.Person(random, gender, random.Between(1975, 1998)).FullName;
                ids[i] = StaffIdOf(userName);
                staff.Add(new StaffMember(ids[i], userName, name, StaffRole.RelationshipManager, branch.Id, false));
            }

            generatedRms[branch.Id] = ids;
        }

        Staff = staff;
    }

    public DemoBankOptions Options { get; }

    /// <summary>Today in China; the history covers the 24 months before it.</summary>
    public DateOnly AsOf { get; }

    public DateOnly HistoryStart => AsOf.AddMonths(-HistoryMonths);

    public IReadOnlyList<BranchSite> Branches { get; }

    public IReadOnlyList<StaffMember> Staff { get; }

    public static string StaffIdOf(string userName) => "staff-" + userName;

    /// <summary>Each block of customers lives at one branch; the first block is at branch 1 and holds the canary.</summary>
    public BranchSite PickBranch(DemoRandom random, long blockIndex) =>
        blockIndex == 0 ? Branches[0] : branchWeights.Draw(random);

    public string? PickRelationshipManager(DemoRandom random, BranchSite branch, bool mustHaveOne)
    {
        var roll = random.NextDouble();
        if (!mustHaveOne && roll < UnassignedShare)
        {
            return null;
        }

        var own = generatedRms[branch.Id];
        if (branch.Id == DemoStaff.HomeBranchId)
        {
            var scaled = random.NextDouble();
            if (scaled < Rm1Share)
            {
                return StaffIdOf("rm1");
            }

            if (scaled < Rm1Share + Rm2Share)
            {
                return StaffIdOf("rm2");
            }
        }

        return random.Pick(own);
    }
}
