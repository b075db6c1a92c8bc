using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank;

namespace BankCrm.Data.Tests.DemoBank;

[Collection(GeneratedBankCollection.Name)]
public sealed class GeneratedIdentifiersTests(GeneratedBank bank)
{
    private IEnumerable<Customer> Individuals => bank.Customers.Select(c => c.Customer).Where(c => c.Type == CustomerType.Individual);

    private IEnumerable<Customer> Companies => bank.Customers.Select(c => c.Customer).Where(c => c.Type == CustomerType.Corporate);

    [Fact]
    public void IdNumber_WhenIndividual_ParsesAndMatchesBirthDateAndGender()
    {
        Assert.All(Individuals, c =>
        {
            var parsed = ResidentIdNumber.Parse(c.IdNumber, bank.Today);
            Assert.True(parsed.IsValid, $"{c.CustomerNumber}: {c.IdNumber} {parsed.Message}");
            Assert.Equal(c.BirthDate, parsed.Value!.BirthDate);
            Assert.Equal(c.Gender, parsed.Value.Gender);
        });
    }

    [Fact]
    public void IdNumber_WhenIndividual_IsAdultAndUnique()
    {
        var individuals = Individuals.ToList();

        Assert.All(individuals, c => Assert.True(c.BirthDate <= bank.Today.AddYears(-18), $"{c.CustomerNumber} born {c.BirthDate}"));
        Assert.Equal(individuals.Count, individuals.Select(c => c.IdNumber).Distinct().Count());
    }

    [Fact]
    public void IdNumber_WhenCorporate_IsAValidUnifiedSocialCreditCode()
    {
        var companies = Companies.ToList();

        Assert.All(companies, c => Assert.True(UnifiedSocialCreditCode.Parse(c.IdNumber).IsValid, $"{c.CustomerNumber}: {c.IdNumber}"));
        Assert.Equal(companies.Count, companies.Select(c => c.IdNumber).Distinct().Count());
    }

    [Fact]
    public void Mobile_WhenPresent_ParsesWithACarrierPrefixAndIsUnique()
    {
        var mobiles = bank.Customers.Select(c => c.Customer.Mobile).OfType<string>().ToList();

        Assert.True(mobiles.Count > bank.Customers.Count * 0.9);
        Assert.All(mobiles, m => Assert.True(MobileNumber.Parse(m).IsValid, m));
        Assert.Equal(mobiles.Count, mobiles.Distinct().Count());
    }

    [Fact]
    public void Documents_WhenResidentIdCard_CarryTheCustomersNumber()
    {
        var cards = bank.Customers.Where(c => c.Customer.Type == CustomerType.Individual)
            .Select(c => (c.Customer, Card: c.Documents.Single(d => d.DocumentType == IdentityDocumentType.ResidentIdCard)));

        Assert.All(cards, x =>
        {
            Assert.Equal(x.Customer.IdNumber, x.Card.Number);
            Assert.Equal(x.Customer.KycExpiresOn, x.Card.ExpiresOn);
            Assert.Equal(x.Card.ExpiresOn < bank.Today, x.Customer.KycStatus == KycStatus.Expired);
        });
    }

    [Fact]
    public void AccountNumber_WhenGenerated_IsUniqueAndCardsHave19Digits()
    {
        var accounts = bank.Customers.SelectMany(c => c.Accounts).ToList();

        Assert.Equal(accounts.Count, accounts.Select(a => a.AccountNumber).Distinct().Count());
        Assert.All(accounts.Where(a => a.ProductId == 1), a => Assert.Matches("^62[0-9]{17}$", a.AccountNumber));
    }

    [Fact]
    public void Canary_WhenGenerated_IsCustomerOneOwnedByRm1InBranchOne()
    {
        var canary = bank.Customers[0].Customer;

        Assert.Equal(DemoBankCanary.CustomerId, canary.Id);
        Assert.Equal(DemoBankCanary.IdNumber, canary.IdNumber);
        Assert.Equal(DemoBankCanary.Mobile, canary.Mobile);
        Assert.Equal("staff-rm1", canary.RelationshipManagerId);
        Assert.Equal(1, canary.BranchId);
        Assert.True(ResidentIdNumber.Parse(canary.IdNumber, bank.Today).IsValid);
        Assert.Single(bank.Customers, c => c.Customer.IdNumber == DemoBankCanary.IdNumber || c.Customer.Mobile == DemoBankCanary.Mobile);
    }

    [Fact]
    public void Names_WhenGenerated_IncludeCompoundSurnamesAndMinorityNames()
    {
        var names = Individuals.Select(c => c.Name).ToList();

        Assert.Contains(names, n => n.Contains('·', StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("欧阳", StringComparison.Ordinal) || n.StartsWith("司马", StringComparison.Ordinal) || n.StartsWith("上官", StringComparison.Ordinal)
            || n.StartsWith("诸葛", StringComparison.Ordinal) || n.StartsWith("慕容", StringComparison.Ordinal) || n.StartsWith("司徒", StringComparison.Ordinal)
            || n.StartsWith("东方", StringComparison.Ordinal) || n.StartsWith("皇甫", StringComparison.Ordinal) || n.StartsWith("令狐", StringComparison.Ordinal)
            || n.StartsWith("夏侯", StringComparison.Ordinal) || n.StartsWith("尉迟", StringComparison.Ordinal) || n.StartsWith("端木", StringComparison.Ordinal));
        var wang = names.Count(n => n.StartsWith('王')) / (double)names.Count;
        Assert.InRange(wang, 0.05, 0.09);
    }

    [Fact]
    public void Address_WhenGenerated_IsInTheBranchCity()
    {
        var branches = bank.Layout.Branches.ToDictionary(b => b.Id);

        Assert.All(bank.Customers.Select(c => c.Customer), c =>
        {
            var city = branches[c.BranchId].City;
            Assert.Equal(city.Name, c.City);
            Assert.Equal(city.Province, c.Province);
            Assert.Contains(c.District, city.Districts.Select(d => d.Name));
        });
    }
}
