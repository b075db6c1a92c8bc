using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>
/// Opens a customer's accounts. Assets follow a log-normal AUM distribution (median about 25,000 CNY for
/// individuals, a few per hundred above a million); loans and cards depend on age and AUM.
/// </summary>
internal static class HoldingsGenerator
{
    private static readonly decimal[] FxRates = [7.10m, 7.80m, 0.91m];

    public static Holdings Generate(GeneratedCustomer generated, BankLayout layout, DemoRandom random)
    {
        var traits = generated.Traits;
        var holdings = new Holdings();
        var opener = new AccountOpener(generated, holdings, layout.AsOf);
        if (traits.IsCorporate)
        {
            OpenCorporate(traits, opener, layout, random);
        }
        else
        {
            OpenPersonal(traits, opener, layout, random);
        }

        generated.Accounts.AddRange(holdings.All.Select(h => h.Account));
        return holdings;
    }

    private static void OpenPersonal(CustomerTraits t, AccountOpener opener, BankLayout layout, DemoRandom random)
    {
        var ageFactor = t.Age switch { < 25 => 0.2, < 35 => 0.6, < 45 => 1.0, < 55 => 1.4, < 65 => 1.6, _ => 1.3 };
        var payFactor = t.Salaried ? Math.Pow((double)t.MonthlySalary / 10_000, 0.6) : 1.0;
        t.TargetAum = Math.Min(80_000_000m, random.Money(25_000 * ageFactor * payFactor, 1.75, 50));
        var baseRisk = t.Age switch { < 30 => random.Between(3, 4), < 50 => random.Between(2, 4), < 65 => random.Between(2, 3), _ => random.Between(1, 2) };
        t.RiskTolerance = Math.Clamp(baseRisk + (t.TargetAum > 1_000_000 && random.Chance(0.4) ? 1 : 0), 1, 5);

        var aum = (double)t.TargetAum;
        var demandShare = aum < 20_000 ? 1.0 : 0.15 + random.NextDouble() * 0.35;
        var timeShare = aum >= 20_000 && random.Chance(0.25 + t.Age / 150.0) ? 0.2 + random.NextDouble() * 0.4 : 0;
        var wealthShare = aum >= 50_000 && random.Chance(0.5) ? 0.2 + random.NextDouble() * 0.4 : 0;
        var fundShare = aum >= 30_000 && t.RiskTolerance >= 2 && random.Chance(0.1 + 0.08 * t.RiskTolerance) ? 0.1 + random.NextDouble() * 0.2 : 0;
        var insuranceShare = aum >= 30_000 && t.Age is >= 28 and <= 65 && random.Chance(0.18) ? 0.05 + random.NextDouble() * 0.15 : 0;
        var fxShare = aum >= 300_000 && random.Chance(0.2) ? 0.03 + random.NextDouble() * 0.07 : 0;
        var total = demandShare + timeShare + wealthShare + fundShare + insuranceShare + fxShare;
        decimal Part(double share) => DemoRandom.Round2(aum * share / total);

        opener.Open(ProductCatalog.PersonalDemand, Part(demandShare), t.CustomerSince);
        if (timeShare > 0)
        {
            var amount = Part(timeShare);
            var product = amount >= 200_000 && random.Chance(0.5) ? ProductCatalog.LargeCertificate : random.Between(10, t.Age > 50 ? 15 : 13);
            opener.OpenTerm(product, amount, random);
        }

        if (wealthShare > 0)
        {
            opener.OpenTerm(PickByRisk(random, 20, 25, t.RiskTolerance), Part(wealthShare), random);
        }

        if (fundShare > 0)
        {
            opener.Open(PickByRisk(random, 30, 35, t.RiskTolerance), Part(fundShare), opener.RandomOpenDate(random));
        }

        if (insuranceShare > 0)
        {
            var product = t.HasSchoolChildren || t.HasYoungChildren ? (random.Chance(0.6) ? 42 : 41) : random.Pick(new[] { 40, 41, 43 });
            opener.Open(product, Part(insuranceShare), opener.RandomOpenDate(random));
        }

        if (fxShare > 0)
        {
            OpenFx(opener, random, t, Part(fxShare), t.Branch.City == CityCatalog.Shenzhen || t.Branch.City == CityCatalog.Guangzhou ? 2 : 0);
        }

        OpenPersonalCredit(t, opener, layout, random);
        var oldDeposit = opener.RandomOpenDate(random);
        if (random.Chance(0.08) && oldDeposit.AddYears(1) < layout.AsOf)
        {
            // A time deposit that matured and was closed: history, not holdings.
            opener.Open(12, 0, oldDeposit, oldDeposit.AddYears(1), AccountStatus.Closed);
        }
    }

    private static void OpenPersonalCredit(CustomerTraits t, AccountOpener opener, BankLayout layout, DemoRandom random)
    {
        var city = (double)t.Branch.City.HousePriceFactor;
        if (t.Age is >= 28 and <= 58 && random.Chance(0.28))
        {
            var principal = random.Money(1_200_000 * city, 0.5, 200_000);
            var months = random.Pick(new[] { 240, 300, 360 });
            var opened = layout.AsOf.AddDays(-random.Between(60, Math.Min(15, t.Age - 24) * 365));
            var elapsed = (layout.AsOf.DayNumber - opened.DayNumber) / 30.4;
            var remaining = principal * (decimal)Math.Pow(Math.Max(0.05, 1 - elapsed / months), 0.8);
            var instalment = DemoRandom.Round2((double)principal * 0.0045);
            opener.OpenLoan(random.Chance(0.3) ? ProductCatalog.CombinedMortgage : ProductCatalog.CommercialMortgage, DemoRandom.Round2((double)remaining), opened, opened.AddMonths(months), instalment);
        }

        if (random.Chance(t.Age < 40 ? 0.16 : 0.08))
        {
            var product = random.Pick(new[] { 60, 60, 61, 62 });
            var months = product == 61 ? 60 : random.Pick(new[] { 12, 24, 36 });
            var amount = random.Money(product == 60 ? 60_000 : 120_000, 0.6, 5_000);
            // One loan in five matures in the next 30–60 days: RMs should see those coming.
            var matures = random.Chance(0.2) ? layout.AsOf.AddDays(random.Between(30, 60)) : layout.AsOf.AddDays(random.Between(61, months * 30));
            var opened = matures.AddMonths(-months);
            var left = (double)(matures.DayNumber - layout.AsOf.DayNumber) / (months * 30.4);
            opener.OpenLoan(product, DemoRandom.Round2((double)amount * left), opened, matures, DemoRandom.Round2((double)amount / months * 1.05));
        }

        if (random.Chance(t.Age switch { < 35 => 0.55, < 55 => 0.45, _ => 0.15 }))
        {
            var product = t.TargetAum > 500_000 ? ProductCatalog.PlatinumCard : random.Chance(0.15) ? ProductCatalog.TravelCard : ProductCatalog.StandardCard;
            var owed = random.Chance(0.25) ? 0 : random.Money(t.Age < 35 ? 4_000 : 3_000, 1.0);
            opener.Open(product, owed, opener.RandomOpenDate(random));
        }
    }

    private static void OpenCorporate(CustomerTraits t, AccountOpener opener, BankLayout layout, DemoRandom random)
    {
        t.TargetAum = random.Money(600_000 * Math.Sqrt(t.Employees / 14.0), 1.6, 5_000);
        t.RiskTolerance = random.Between(1, 3);
        var aum = (double)t.TargetAum;
        var demandShare = 0.4 + random.NextDouble() * 0.4;
        var timeShare = random.Chance(0.3) ? 0.1 + random.NextDouble() * 0.3 : 0;
        var wealthShare = random.Chance(0.35) ? 0.1 + random.NextDouble() * 0.3 : 0;
        var fxShare = t.ImportExport ? 0.1 + random.NextDouble() * 0.3 : 0;
        var total = demandShare + timeShare + wealthShare + fxShare;
        decimal Part(double share) => DemoRandom.Round2(aum * share / total);

        opener.Open(ProductCatalog.CorporateDemand, Part(demandShare), t.CustomerSince);
        if (timeShare > 0)
        {
            opener.OpenTerm(ProductCatalog.CorporateTimeDeposit, Part(timeShare), random);
        }

        if (wealthShare > 0)
        {
            opener.OpenTerm(ProductCatalog.CorporateWealth, Part(wealthShare), random);
        }

        if (fxShare > 0)
        {
            OpenFx(opener, random, t, Part(fxShare), 0);
            if (random.Chance(0.3))
            {
                OpenFx(opener, random, t, Part(fxShare * 0.3), random.Chance(0.5) ? 1 : 2);
            }
        }

        if (random.Chance(0.45))
        {
            var product = t.ImportExport && random.Chance(0.6) ? ProductCatalog.TradeFinance : random.Pick(new[] { 90, 90, 92, 93 });
            var months = ProductCatalog.Get(product).TermMonths ?? 12;
            var amount = random.Money(2_000_000 * Math.Sqrt(t.Employees / 14.0), 0.9, 100_000);
            var matures = random.Chance(0.25) ? layout.AsOf.AddDays(random.Between(30, 60)) : layout.AsOf.AddDays(random.Between(61, months * 30));
            opener.OpenLoan(product, amount, matures.AddMonths(-months), matures, DemoRandom.Round2((double)amount * 0.004));
        }
    }

    private static void OpenFx(AccountOpener opener, DemoRandom random, CustomerTraits t, decimal cnyAmount, int currency)
    {
        var product = ProductCatalog.UsdAccount + currency;
        opener.Open(product, Math.Round(cnyAmount / FxRates[currency], 2), t.IsCorporate ? t.CustomerSince : opener.RandomOpenDate(random));
    }

    /// <summary>A product id in [first, last] whose risk level is at most the tolerance, nearer the tolerance more often.</summary>
    private static int PickByRisk(DemoRandom random, int first, int last, int tolerance)
    {
        var choices = new List<(int, double)>();
        for (var id = first; id <= last; id++)
        {
            var risk = ProductCatalog.Get(id).RiskLevel ?? 1;
            if (risk <= tolerance)
            {
                choices.Add((id, 1.0 + risk));
            }
        }

        return choices.Count == 0 ? first : new Weighted<int>(choices).Draw(random);
    }
}
