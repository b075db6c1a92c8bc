using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>What a company unit decides before its people and the company itself are generated.</summary>
internal sealed record CompanySpec(Industry Industry, string Name, PostalAddress Office, bool ImportExport, int Employees);

/// <summary>Corporate customers: name, Unified Social Credit Code, industry, legal representative, business licence.</summary>
internal static class CompanyGenerator
{
    private static readonly Weighted<Industry> Industries = new(IndustryCatalog.All.Select(i => (i, i.Weight)));

    public static CompanySpec Plan(DemoRandom random, BranchSite branch)
    {
        var industry = Industries.Draw(random);
        var name = Name(random, branch, random.Pick(industry.NameWords));
        var employees = (int)Math.Round(random.LogNormal(12, 1.2)) + 2;
        return new CompanySpec(industry, name, AddressGenerator.Office(random, branch), random.Chance(industry.ImportExportShare), employees);
    }

    /// <summary>A plausible employer for a salaried customer whose company is not a customer of the bank.</summary>
    public static string EmployerName(DemoRandom random, BranchSite branch) =>
        Name(random, branch, random.Pick(Industries.Draw(random).NameWords));

    public static GeneratedCustomer Create(BankLayout layout, CompanySpec spec, long id, BranchSite branch, string? rm, string legalRepresentative, DemoRandom random)
    {
        var area = random.Pick(branch.City.AreaCodes);
        var code = UniqueKeys.CreditCode(id, area.Code);
        var founded = layout.AsOf.AddDays(-random.Between(400, 25 * 365));
        var since = random.Chance(0.15)
            ? layout.AsOf.AddDays(-random.Between(1, BankLayout.HistoryMonths * 30))
            : layout.AsOf.AddDays(-random.Between(2 * 365, Math.Max(2 * 365 + 1, layout.AsOf.DayNumber - founded.DayNumber)));
        // Corporate KYC is reviewed yearly; a review date in the past means it has lapsed.
        var review = layout.AsOf.AddDays(random.Between(-60, 365));
        var kyc = review < layout.AsOf ? KycStatus.Expired : KycStatus.Verified;
        var profile = new CustomerProfile
        {
            Type = CustomerType.Corporate,
            Name = spec.Name,
            IdNumber = code,
            Mobile = PersonGenerator.Mobile(random, id),
            Email = random.Chance(0.6) ? $"{Letters(random, 4)}@{Letters(random, random.Between(3, 6))}.com.cn" : null,
            Province = spec.Office.Province,
            City = spec.Office.City,
            District = spec.Office.District,
            AddressLine = spec.Office.Line,
            Industry = spec.Industry.Name,
            LegalRepresentative = legalRepresentative,
            ImportExportBusiness = spec.ImportExport,
        };
        var customer = Customer.Restore(id, CustomerNumber.From(id), profile, branch.Id, rm, kyc, review, HistoryCalendar.At(since, random.Between(9, 17) + random.NextDouble()));
        var traits = new CustomerTraits
        {
            Id = id,
            Type = CustomerType.Corporate,
            Branch = branch,
            RelationshipManagerId = rm,
            CustomerSince = since,
            ImportExport = spec.ImportExport,
            Employees = spec.Employees,
        };
        var generated = new GeneratedCustomer(customer, traits);
        generated.Documents.Add(new IdentityDocument
        {
            Id = 1, CustomerId = id, DocumentType = IdentityDocumentType.BusinessLicense, Number = code,
            IssuedOn = founded, IssuedBy = $"{branch.City.Name}市场监督管理局",
        });
        generated.Contacts.Add(new ContactPoint { Id = 1, CustomerId = id, Kind = ContactKind.Landline, Value = AddressGenerator.Landline(random, branch), Label = "财务室" });
        if (random.Chance(0.4))
        {
            generated.Contacts.Add(new ContactPoint { Id = 2, CustomerId = id, Kind = ContactKind.WorkAddress, Value = AddressGenerator.Office(random, branch).FullText, Label = "注册地址" });
        }

        return generated;
    }

    private static string Name(DemoRandom random, BranchSite branch, string industryWord)
    {
        var brand = random.Pick(NameData.BrandFirst) + random.Pick(NameData.BrandSecond);
        return random.Next(4) switch
        {
            0 => $"{branch.City.ShortName}{brand}{industryWord}有限公司",
            1 => $"{brand}{industryWord}（{branch.City.ShortName}）有限公司",
            2 => $"{branch.City.ShortName}{brand}{industryWord}股份有限公司",
            _ => $"{branch.City.ShortName}市{brand}{industryWord}有限责任公司",
        };
    }

    private static string Letters(DemoRandom random, int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }
}
