using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Generates one block of <see cref="Size"/> consecutive customers (one branch, several households and companies)
/// with everything they own and do. A block depends only on the seed and its index, so blocks can be generated
/// in parallel and in chunks and still give the same bank.
/// </summary>
internal sealed class BlockGenerator(BankLayout layout, HistoryCalendar calendar)
{
    public const int Size = 50;

    // Roughly one customer in ten starts leaving in the last six months; a few in a thousand show AML patterns.
    private const double ChurnerShare = 0.10;
    private const double StructuringShare = 0.002;
    private const double RapidInOutShare = 0.002;

    private const double CorporateActivity = 2.0;
    private const double PersonalActivity = 0.88;

    private readonly HouseholdPlanner planner = new(layout);

    public List<GeneratedCustomer> Generate(long blockIndex)
    {
        var firstId = blockIndex * Size + 1;
        var lastId = Math.Min(firstId + Size - 1, layout.Options.Customers);
        var random = DemoRandom.For(layout.Options.Seed, RandomStream.Block, blockIndex);
        var branch = layout.PickBranch(random, blockIndex);
        var customers = new List<GeneratedCustomer>(Size);
        var nextId = firstId;
        if (blockIndex == 0)
        {
            customers.Add(Canary(branch));
            nextId++;
        }

        while (nextId <= lastId)
        {
            var unit = planner.Unit(nextId, (int)(lastId - nextId + 1), branch, random);
            customers.AddRange(unit);
            nextId += unit.Count;
        }

        foreach (var customer in customers)
        {
            Complete(customer);
        }

        return customers;
    }

    private void Complete(GeneratedCustomer generated)
    {
        var traits = generated.Traits;
        var random = DemoRandom.For(layout.Options.Seed, RandomStream.Behaviour, traits.Id);
        // Log-normal with mean 1 (μ = -σ²/2): most customers near the average, some much busier. Company accounts
        // are twice as busy as personal ones; the weights keep the bank-wide average at the configured number.
        traits.Activity = Math.Exp(0.6 * random.Normal() - 0.18) * (traits.IsCorporate ? CorporateActivity : PersonalActivity);
        traits.AppUser = random.Chance(ChannelMix.Group(traits) switch { 0 => 0.92, 1 => 0.78, 2 => 0.35, _ => 0.6 });
        var longStanding = traits.CustomerSince < calendar.FadeStart.AddDays(-90);
        traits.FutureChurner = longStanding && traits.Id != DemoBankCanary.CustomerId && random.Chance(ChurnerShare);
        var aml = random.NextDouble();
        if (longStanding && traits.Id != DemoBankCanary.CustomerId)
        {
            traits.AmlPattern = aml < StructuringShare && !traits.IsCorporate ? AmlPatterns.Structuring
                : aml > 1 - RapidInOutShare ? AmlPatterns.RapidInOut
                : null;
        }

        var holdings = HoldingsGenerator.Generate(generated, layout, random);
        TransactionGenerator.Generate(generated, holdings, calendar, layout.Options.TransactionsPerCustomer, random);
        BehaviourGenerator.Generate(generated, holdings, calendar, random);

        // A stream of its own: adding consents left every other generated row as it was.
        ConsentGenerator.Generate(generated, calendar, DemoRandom.For(layout.Options.Seed, RandomStream.Consent, traits.Id));
    }

    /// <summary>Customer 1: a senior client of rm1 with fixed, recognisable identifiers (see <see cref="DemoBankCanary"/>).</summary>
    private GeneratedCustomer Canary(BranchSite branch)
    {
        var home = AddressGenerator.Home(DemoRandom.For(layout.Options.Seed, RandomStream.Unit, DemoBankCanary.CustomerId), branch);
        var age = PersonGenerator.AgeOn(new DateOnly(1949, 12, 31), layout.AsOf);
        var generated = planner.Person(new PersonSpec(Gender.Female, age, home, Occupation: OccupationCatalog.Retired), DemoBankCanary.CustomerId, branch, BankLayout.StaffIdOf("rm1"));
        var profile = generated.Customer.ToProfile() with
        {
            Name = DemoBankCanary.Name,
            IdNumber = DemoBankCanary.IdNumber,
            BirthDate = new DateOnly(1949, 12, 31),
            Mobile = DemoBankCanary.Mobile,
            Email = null,
        };
        var c = generated.Customer;
        var canary = Customer.Restore(c.Id, c.CustomerNumber, profile, c.BranchId, c.RelationshipManagerId, c.KycStatus, c.KycExpiresOn, c.CreatedAt);
        var result = new GeneratedCustomer(canary, generated.Traits);
        result.Documents.AddRange(generated.Documents.Where(d => d.DocumentType != IdentityDocumentType.ResidentIdCard));
        var card = generated.Documents.First(d => d.DocumentType == IdentityDocumentType.ResidentIdCard);
        card.Number = DemoBankCanary.IdNumber;
        card.IssuedBy = "北京市公安局朝阳分局";
        result.Documents.Insert(0, card);
        result.Contacts.AddRange(generated.Contacts);
        return result;
    }
}
