using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>What the household decides about a person before the person is generated.</summary>
internal sealed record PersonSpec(
    Gender Gender,
    int Age,
    PostalAddress Home,
    string? Surname = null,
    string? Occupation = null,
    string? Employer = null,
    PostalAddress? Workplace = null,
    bool HasYoungChildren = false,
    bool HasSchoolChildren = false,
    bool AlwaysSalaried = false);

/// <summary>Individual customers: name, ID number, phone, e-mail, address, occupation, documents and contacts.</summary>
internal static class PersonGenerator
{
    private const double LocalIdShare = 0.65;

    public static GeneratedCustomer Create(BankLayout layout, PersonSpec spec, long id, BranchSite branch, string? rm, DemoRandom random)
    {
        var birthYear = layout.AsOf.Year - spec.Age;
        var name = NameGenerator.Person(random, spec.Gender, birthYear, spec.Surname);
        var parts = UniqueKeys.IdentityFor(id);
        var birthDate = UniqueKeys.BirthDate(birthYear, parts.DayOfYear);
        if (birthDate > layout.AsOf.AddYears(-18))
        {
            birthDate = UniqueKeys.BirthDate(birthYear - 1, parts.DayOfYear);
        }

        var area = PickArea(random, branch, parts.AreaClass, name.Uyghur);
        var age = AgeOn(birthDate, layout.AsOf);
        var occupation = spec.Occupation ?? PickOccupation(random, age);
        var pay = PayFor(random, occupation, branch, spec.AlwaysSalaried);
        var since = CustomerSince(random, layout, age);
        var idNumber = UniqueKeys.ResidentId(area.Code, birthDate, parts.Sequence, spec.Gender);
        var document = ResidentCard(random, layout.AsOf, idNumber, birthDate, area);
        var kyc = document.ExpiresOn < layout.AsOf ? KycStatus.Expired
            : since > layout.AsOf.AddDays(-30) || random.Chance(0.02) ? KycStatus.Pending
            : KycStatus.Verified;
        var profile = new CustomerProfile
        {
            Type = CustomerType.Individual,
            Name = name.FullName,
            IdNumber = idNumber,
            Gender = spec.Gender,
            BirthDate = birthDate,
            Mobile = random.Chance(0.97) ? Mobile(random, id) : null,
            Email = random.Chance(age < 40 ? 0.45 : 0.2) ? Email(random, name, birthDate) : null,
            Province = spec.Home.Province,
            City = spec.Home.City,
            District = spec.Home.District,
            AddressLine = spec.Home.Line,
            Occupation = occupation,
        };
        var customer = Customer.Restore(id, CustomerNumber.From(id), profile, branch.Id, rm, kyc, document.ExpiresOn, HistoryCalendar.At(since, random.Between(9, 17) + random.NextDouble()));
        var traits = new CustomerTraits
        {
            Id = id,
            Type = CustomerType.Individual,
            Branch = branch,
            RelationshipManagerId = rm,
            CustomerSince = since,
            Age = age,
            FamilySurname = name.Uyghur ? null : name.Surname,
            MonthlySalary = pay,
            Employer = pay > 0 ? spec.Employer ?? CompanyGenerator.EmployerName(random, branch) : null,
            PayDay = random.Pick(PayDays),
            HasYoungChildren = spec.HasYoungChildren,
            HasSchoolChildren = spec.HasSchoolChildren,
        };
        var generated = new GeneratedCustomer(customer, traits);
        generated.Documents.Add(document);
        if (random.Chance(age is > 25 and < 65 ? 0.12 : 0.04))
        {
            var issued = layout.AsOf.AddDays(-random.Between(30, 3000));
            generated.Documents.Add(new IdentityDocument
            {
                Id = 2, CustomerId = id, DocumentType = IdentityDocumentType.Passport, Number = UniqueKeys.PassportNumber(id),
                IssuedOn = issued, ExpiresOn = issued.AddYears(10), IssuedBy = "中华人民共和国国家移民管理局",
            });
        }

        AddContacts(generated, random, branch, spec);
        return generated;
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day) =>
        day.Year - birthDate.Year - (day < birthDate.AddYears(day.Year - birthDate.Year) ? 1 : 0);

    public static string Mobile(DemoRandom random, long id) => random.Pick(MobileNumber.CarrierPrefixes) + UniqueKeys.MobileSuffix(id);

    private static readonly int[] PayDays = [5, 10, 10, 15, 15, 20, 25, 28];

    private static AreaCode PickArea(DemoRandom random, BranchSite branch, int areaClass, bool uyghur)
    {
        IReadOnlyList<AreaCode> preferred = uyghur ? OriginAreas.Xinjiang
            : random.Chance(LocalIdShare) ? branch.City.AreaCodes
            : OriginAreas.All;
        var candidates = preferred.Where(a => UniqueKeys.AreaClassOf(a.Code) == areaClass).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. OriginAreas.All.Where(a => UniqueKeys.AreaClassOf(a.Code) == areaClass)];
        }

        return random.Pick(candidates);
    }

    private static string PickOccupation(DemoRandom random, int age)
    {
        if (age >= 60 && random.Chance(age >= 65 ? 0.92 : 0.6))
        {
            return OccupationCatalog.Retired;
        }

        if (age <= 22 && random.Chance(0.7))
        {
            return OccupationCatalog.Student;
        }

        return WorkingOccupations.Draw(random).Name;
    }

    private static readonly Weighted<Occupation> WorkingOccupations = new(OccupationCatalog.Working.Select(o => (o, o.Weight)));

    private static decimal PayFor(DemoRandom random, string occupation, BranchSite branch, bool alwaysSalaried)
    {
        var known = OccupationCatalog.Working.FirstOrDefault(o => o.Name == occupation);
        if (known is null || known.MedianMonthlyPay == 0 || (!known.PaidByEmployer && !alwaysSalaried) || !random.Chance(alwaysSalaried ? 1 : 0.8))
        {
            return 0;
        }

        var cityFactor = 0.75 + 0.3 * (double)branch.City.HousePriceFactor;
        return Math.Round(random.Money(known.MedianMonthlyPay * cityFactor, 0.35, 2_500), 0);
    }

    private static DateOnly CustomerSince(DemoRandom random, BankLayout layout, int age)
    {
        if (random.Chance(0.15))
        {
            return layout.AsOf.AddDays(-random.Between(1, BankLayout.HistoryMonths * 30));
        }

        var maxYears = Math.Max(2, Math.Min(20, age - 18));
        return layout.AsOf.AddDays(-random.Between(2 * 365, maxYears * 365));
    }

    private static IdentityDocument ResidentCard(DemoRandom random, DateOnly asOf, string number, DateOnly birthDate, AreaCode area)
    {
        var age = AgeOn(birthDate, asOf);
        int? years = age < 26 ? 10 : age < 46 ? 20 : null;
        DateOnly issued;
        DateOnly? expires;
        if (random.Chance(0.05))
        {
            // About one in twenty cards has run out: these customers' KYC needs renewing.
            var expired = asOf.AddDays(-random.Between(1, 300));
            issued = expired.AddYears(-(years ?? 20));
            expires = expired;
        }
        else
        {
            issued = asOf.AddDays(-random.Between(30, (years ?? 12) * 365 - 60));
            expires = years is { } y ? issued.AddYears(y) : null;
        }

        var earliest = birthDate.AddYears(16);
        issued = issued < earliest ? earliest : issued;
        return new IdentityDocument
        {
            Id = 1, DocumentType = IdentityDocumentType.ResidentIdCard, Number = number,
            IssuedOn = issued, ExpiresOn = expires, IssuedBy = OriginAreas.IssuingOffice(area),
        };
    }

    private static string Email(DemoRandom random, PersonName name, DateOnly birthDate)
    {
        var domain = random.Pick(NameData.EmailDomains);
        if (domain == "qq.com" || name.Pinyin.Length == 0)
        {
            return $"{random.Between(10_000_000, 1_999_999_999)}@qq.com";
        }

        return random.Chance(0.5) ? $"{name.Pinyin}{birthDate:yyMMdd}{random.Between(1, 99)}@{domain}" : $"{name.Pinyin}_{random.Digits(4)}@{domain}";
    }

    private static void AddContacts(GeneratedCustomer generated, DemoRandom random, BranchSite branch, PersonSpec spec)
    {
        var contacts = generated.Contacts;
        void Add(ContactKind kind, string value, string? label) =>
            contacts.Add(new ContactPoint { Id = contacts.Count + 1, CustomerId = generated.Customer.Id, Kind = kind, Value = value, Label = label });

        if (spec.Workplace is not null && random.Chance(0.6))
        {
            Add(ContactKind.WorkAddress, spec.Workplace.FullText, "单位地址");
        }

        if (random.Chance(0.35))
        {
            Add(ContactKind.WeCom, "wm" + random.Digits(10), "企业微信");
        }

        if (random.Chance(0.12))
        {
            Add(ContactKind.Landline, AddressGenerator.Landline(random, branch), "家庭电话");
        }

        if (random.Chance(0.06))
        {
            Add(ContactKind.Mobile, random.Pick(MobileNumber.CarrierPrefixes) + random.Digits(8), "备用手机");
        }
    }
}
