using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

internal enum UnitKind
{
    Single,
    Couple,
    CoupleWithAdultChild,
    CoupleWithElderParent,
    Company,
}

/// <summary>
/// Customers come in units that share a branch, an RM and often an address: single people, couples, families
/// (spouse and parent/child links) and companies with their legal representative and some staff (employer links).
/// </summary>
internal sealed class HouseholdPlanner(BankLayout layout)
{
    // With these shares about 9% of customers are companies (a unit averages 1.76 customers, 0.16 of them corporate).
    private static readonly Weighted<UnitKind> Kinds = new(
    [
        (UnitKind.Single, 0.52), (UnitKind.Couple, 0.20), (UnitKind.CoupleWithAdultChild, 0.07), (UnitKind.CoupleWithElderParent, 0.05), (UnitKind.Company, 0.16),
    ]);

    // Customer ages: the bank's book is mostly 25–55, with a long senior tail.
    private static readonly Weighted<(int Min, int Max)> AgeBands = new(
    [
        ((19, 24), 8), ((25, 34), 22), ((35, 44), 22), ((45, 54), 20), ((55, 64), 15), ((65, 88), 13),
    ]);

    private int Seed => layout.Options.Seed;

    public List<GeneratedCustomer> Unit(long firstId, int room, BranchSite branch, DemoRandom blockRandom)
    {
        var kind = Kinds.Draw(blockRandom);
        var random = DemoRandom.For(Seed, RandomStream.Unit, firstId);
        var employees = kind == UnitKind.Company ? random.Between(0, 2) : 0;
        var size = kind switch { UnitKind.Single => 1, UnitKind.Couple => 2, UnitKind.Company => 2 + employees, _ => 3 };
        if (size > room)
        {
            kind = UnitKind.Single;
        }

        var rm = layout.PickRelationshipManager(random, branch, kind == UnitKind.Company);
        var home = AddressGenerator.Home(random, branch);
        return kind switch
        {
            UnitKind.Single => [Person(new PersonSpec(Gender(random, 0.5), Age(random), home), firstId, branch, rm)],
            UnitKind.Couple => Couple(random, firstId, branch, rm, home, random.Between(25, 80), false),
            UnitKind.CoupleWithAdultChild => Couple(random, firstId, branch, rm, home, random.Between(46, 75), true),
            UnitKind.CoupleWithElderParent => CoupleWithParent(random, firstId, branch, rm, home),
            _ => Company(random, firstId, branch, rm, employees),
        };
    }

    public GeneratedCustomer Person(PersonSpec spec, long id, BranchSite branch, string? rm) =>
        PersonGenerator.Create(layout, spec, id, branch, rm, DemoRandom.For(Seed, RandomStream.Customer, id));

    private List<GeneratedCustomer> Couple(DemoRandom random, long firstId, BranchSite branch, string? rm, PostalAddress home, int husbandAge, bool withChild)
    {
        var wifeAge = Math.Clamp(husbandAge - 2 + (int)Math.Round(random.Normal() * 3), 20, 90);
        var childAge = Math.Max(19, Math.Min(husbandAge, wifeAge) - random.Between(24, 32));
        var youngKids = !withChild && husbandAge is >= 27 and <= 40 && random.Chance(0.5);
        var schoolKids = !withChild && husbandAge is >= 33 and <= 52 && random.Chance(0.5);
        var husband = Person(new PersonSpec(Core.Customers.Gender.Male, husbandAge, home, HasYoungChildren: youngKids, HasSchoolChildren: schoolKids), firstId, branch, rm);
        var wife = Person(new PersonSpec(Core.Customers.Gender.Female, wifeAge, home, HasYoungChildren: youngKids, HasSchoolChildren: schoolKids), firstId + 1, branch, rm);
        var members = new List<GeneratedCustomer> { husband, wife };
        Link(members, husband, wife, RelationshipKind.Spouse);
        if (withChild)
        {
            var childHome = random.Chance(0.4) ? home : AddressGenerator.Home(random, branch);
            var child = Person(new PersonSpec(Gender(random, 0.5), childAge, childHome, Surname: husband.Traits.FamilySurname), firstId + 2, branch, rm);
            members.Add(child);
            Link(members, husband, child, RelationshipKind.Parent);
            Link(members, wife, child, RelationshipKind.Parent);
        }

        return members;
    }

    private List<GeneratedCustomer> CoupleWithParent(DemoRandom random, long firstId, BranchSite branch, string? rm, PostalAddress home)
    {
        var members = Couple(random, firstId, branch, rm, home, random.Between(35, 56), false);
        var husband = members[0];
        var parentAge = Math.Min(90, husband.Traits.Age + random.Between(24, 34));
        var father = random.Chance(0.5);
        var spec = new PersonSpec(father ? Core.Customers.Gender.Male : Core.Customers.Gender.Female, parentAge, home, Surname: father ? husband.Traits.FamilySurname : null);
        var parent = Person(spec, firstId + 2, branch, rm);
        members.Add(parent);
        Link(members, parent, husband, RelationshipKind.Parent);
        return members;
    }

    private List<GeneratedCustomer> Company(DemoRandom random, long firstId, BranchSite branch, string? rm, int employees)
    {
        var plan = CompanyGenerator.Plan(random, branch);
        var representative = Person(
            new PersonSpec(Gender(random, 0.75), random.Between(30, 65), AddressGenerator.Home(random, branch), Occupation: OccupationCatalog.BusinessOwner, Employer: plan.Name, Workplace: plan.Office),
            firstId + 1, branch, rm);
        var company = CompanyGenerator.Create(layout, plan, firstId, branch, rm, representative.Customer.Name, DemoRandom.For(Seed, RandomStream.Customer, firstId));
        var members = new List<GeneratedCustomer> { company, representative };
        Link(members, representative, company, RelationshipKind.LegalRepresentative);
        for (var i = 0; i < employees; i++)
        {
            var occupation = OccupationCatalog.ForIndustry(plan.Industry.Name, random.Next(6));
            var employee = Person(
                new PersonSpec(Gender(random, 0.5), random.Between(22, 50), AddressGenerator.Home(random, branch), Occupation: occupation, Employer: plan.Name, Workplace: plan.Office, AlwaysSalaried: true),
                firstId + 2 + i, branch, rm);
            members.Add(employee);
            Link(members, company, employee, RelationshipKind.Employer);
        }

        return members;
    }

    /// <summary>"from is the {kind} of to". A chunk writes all its customers before any relationship, so both ends exist.</summary>
    private static void Link(List<GeneratedCustomer> members, GeneratedCustomer from, GeneratedCustomer to, RelationshipKind kind)
    {
        var created = from.Customer.CreatedAt > to.Customer.CreatedAt ? from.Customer.CreatedAt : to.Customer.CreatedAt;
        members[^1].Relationships.Add(new CustomerRelationship { CustomerId = from.Customer.Id, RelatedCustomerId = to.Customer.Id, Kind = kind, CreatedAt = created });
    }

    private static Gender Gender(DemoRandom random, double maleShare) => random.Chance(maleShare) ? Core.Customers.Gender.Male : Core.Customers.Gender.Female;

    private static int Age(DemoRandom random)
    {
        var (min, max) = AgeBands.Draw(random);
        return random.Between(min, max);
    }
}
