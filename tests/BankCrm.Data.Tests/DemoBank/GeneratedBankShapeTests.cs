using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank;

namespace BankCrm.Data.Tests.DemoBank;

[Collection(GeneratedBankCollection.Name)]
public sealed class GeneratedBankShapeTests(GeneratedBank bank)
{
    [Fact]
    public void Transactions_WhenAveraged_AreAboutFiftyPerCustomer()
    {
        var average = bank.Customers.Average(c => c.Transactions.Count);

        Assert.InRange(average, 45, 55);
    }

    [Fact]
    public void CorporateCustomers_WhenCounted_AreEightToTenPercent()
    {
        var share = bank.Customers.Count(c => c.Customer.Type == CustomerType.Corporate) / (double)bank.Customers.Count;

        Assert.InRange(share, 0.075, 0.105);
    }

    [Fact]
    public void CorporateCustomer_WhenGenerated_HasALegalRepresentativeWhoIsACustomer()
    {
        var byId = bank.Customers.ToDictionary(c => c.Customer.Id, c => c.Customer);
        var links = bank.Customers.SelectMany(c => c.Relationships).Where(r => r.Kind == RelationshipKind.LegalRepresentative).ToLookup(r => r.RelatedCustomerId);

        Assert.All(bank.Customers.Select(c => c.Customer).Where(c => c.Type == CustomerType.Corporate), company =>
        {
            var link = Assert.Single(links[company.Id]);
            var representative = byId[link.CustomerId];
            Assert.Equal(CustomerType.Individual, representative.Type);
            Assert.Equal(company.LegalRepresentative, representative.Name);
        });
    }

    [Fact]
    public void Relationships_WhenGenerated_IncludeHouseholdsAndEmployers()
    {
        var kinds = bank.Customers.SelectMany(c => c.Relationships).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(kinds[RelationshipKind.Spouse] > 1_000);
        Assert.True(kinds[RelationshipKind.Parent] > 300);
        Assert.True(kinds[RelationshipKind.Employer] > 300);
    }

    [Fact]
    public void RelationshipManagers_WhenBranchOne_Rm1AndRm2OwnAGoodShareAndOthersTheRest()
    {
        var branchOne = bank.Customers.Select(c => c.Customer).Where(c => c.BranchId == 1).ToList();

        Assert.True(branchOne.Count(c => c.RelationshipManagerId == "staff-rm1") >= 100);
        Assert.True(branchOne.Count(c => c.RelationshipManagerId == "staff-rm2") >= 100);
        Assert.True(branchOne.Count(c => c.RelationshipManagerId is { } rm && rm != "staff-rm1" && rm != "staff-rm2") >= 100);
        Assert.DoesNotContain(bank.Customers, c => c.Customer.BranchId != 1 && c.Customer.RelationshipManagerId is "staff-rm1" or "staff-rm2");
    }

    [Fact]
    public void Balances_WhenRankedByAum_AreSkewedWithAFewMillionaires()
    {
        var aum = bank.Customers.Where(c => c.Customer.Type == CustomerType.Individual)
            .Select(c => c.Accounts.Where(a => Category(a).IsAsset()).Sum(a => a.Balance)).OrderBy(x => x).ToList();

        var median = aum[aum.Count / 2];
        Assert.InRange(median, 10_000m, 200_000m);
        Assert.InRange(aum.Count(x => x >= 1_000_000) / (double)aum.Count, 0.005, 0.06);
        Assert.True(aum[^1] > 10_000_000m);
    }

    [Fact]
    public void Loans_WhenGenerated_SomeMatureInTheNextThirtyToSixtyDays()
    {
        var soon = bank.Customers.SelectMany(c => c.Accounts)
            .Count(a => Category(a) is ProductCategory.ConsumerLoan or ProductCategory.CorporateLoan && a.MaturesOn >= bank.Today.AddDays(30) && a.MaturesOn <= bank.Today.AddDays(60));

        Assert.True(soon >= 50, $"{soon} loans mature in 30–60 days");
    }

    [Fact]
    public void Transactions_WhenPosted_AreOnTheCustomersOwnOpenedAccounts()
    {
        Assert.All(bank.Customers, c =>
        {
            var accounts = c.Accounts.ToDictionary(a => a.Id);
            Assert.All(c.Transactions, t =>
            {
                Assert.Equal(c.Customer.Id, t.CustomerId);
                var account = accounts[t.AccountId];
                Assert.Equal(account.Currency, t.Currency);
                Assert.True(DateOnly.FromDateTime(t.OccurredAt.AddHours(8)) >= account.OpenedOn, $"{c.Customer.CustomerNumber} {t.Kind} before {account.AccountNumber} opened");
            });
        });
    }

    [Fact]
    public void Money_WhenGenerated_HasAtMostTwoDecimals()
    {
        static bool Cents(decimal value) => value == Math.Round(value, 2);

        Assert.All(bank.Customers.SelectMany(c => c.Transactions), t => Assert.True(Cents(t.Amount), $"{t.Kind} {t.Amount}"));
        Assert.All(bank.Customers.SelectMany(c => c.Accounts), a => Assert.True(Cents(a.Balance), $"{a.AccountNumber} {a.Balance}"));
    }

    [Fact]
    public void BalanceTrend_WhenRebuiltBackwardsFromFlows_NeverGoesNegative()
    {
        Assert.All(bank.Customers.SelectMany(c => c.Accounts.Select(a => (Account: a, c.Transactions))).Where(x => Category(x.Account).IsAsset()), x =>
        {
            var balance = x.Account.Balance;
            foreach (var t in x.Transactions.Where(t => t.AccountId == x.Account.Id).OrderByDescending(t => t.OccurredAt))
            {
                balance -= t.Amount;
                Assert.True(balance >= 0, $"{x.Account.AccountNumber} would have been {balance} before {t.OccurredAt:O}");
            }
        });
    }

    [Fact]
    public void Transactions_WhenGroupedByKind_IncludeEveryKindTheRulesNeed()
    {
        var kinds = bank.Customers.SelectMany(c => c.Transactions).Select(t => t.Kind).ToHashSet();
        var categories = bank.Customers.SelectMany(c => c.Transactions).Select(t => t.MerchantCategory).OfType<string>().ToHashSet();

        Assert.Equal(Enum.GetValues<TransactionKind>().Length, kinds.Count);
        Assert.All(new[] { "母婴", "餐饮", "超市", "旅游", "教育", "网购" }, category => Assert.Contains(category, categories));
        Assert.Contains(bank.Customers.SelectMany(c => c.Transactions), t => t.Kind == TransactionKind.CrossBorderRemittanceIn && t.Channel == TransactionChannel.Swift);
    }

    [Fact]
    public void Transactions_WhenCountedByMonth_PeakAroundDoubleEleven()
    {
        var november = bank.Customers.SelectMany(c => c.Transactions)
            .Where(t => t.MerchantCategory == "网购").GroupBy(t => t.OccurredAt.AddHours(8).Month).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(november[11] > 2 * november[4], $"网购 in November {november[11]}, April {november[4]}");
    }

    [Fact]
    public void FutureChurners_WhenCompared_AreAboutTenPercentAndFadeInTheLastSixMonths()
    {
        var churners = bank.Customers.Where(c => c.Traits.FutureChurner).ToList();
        var fadeStartUtc = bank.Today.AddMonths(-6).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Everyday activity (purchases, cash, incoming transfers, salary); instalments and interest run on regardless.
        double RecentShare(IEnumerable<Core.Holdings.Transaction> rows)
        {
            var everyday = rows.Where(t => t.Kind is TransactionKind.CardPurchase or TransactionKind.Withdrawal or TransactionKind.Deposit or TransactionKind.TransferIn or TransactionKind.Salary).ToList();
            return everyday.Count(t => t.OccurredAt >= fadeStartUtc) / (double)Math.Max(1, everyday.Count);
        }


        Assert.InRange(churners.Count / (double)bank.Customers.Count, 0.07, 0.12);
        var churnerRecent = churners.Average(c => RecentShare(c.Transactions));
        var othersRecent = bank.Customers.Where(c => !c.Traits.FutureChurner && c.Traits.CustomerSince < bank.Today.AddYears(-2)).Average(c => RecentShare(c.Transactions));
        Assert.True(churnerRecent < othersRecent * 0.6, $"churners {churnerRecent:P0} of activity in the last 6 months, others {othersRecent:P0}");
        Assert.True(churners.Average(c => c.AppEvents.Count(e => e.OccurredAt >= fadeStartUtc && e.Kind == AppEventKind.Login)) < bank.Customers.Where(c => !c.Traits.FutureChurner).Average(c => c.AppEvents.Count(e => e.OccurredAt >= fadeStartUtc && e.Kind == AppEventKind.Login)) * 0.7);
    }

    [Fact]
    public void AmlPatterns_WhenStructuring_ShowManyCashDepositsJustBelowFiftyThousand()
    {
        var structuring = bank.Customers.Where(c => c.Traits.AmlPattern == AmlPatterns.Structuring).ToList();

        Assert.NotEmpty(structuring);
        Assert.Contains(bank.Customers, c => c.Traits.AmlPattern == AmlPatterns.RapidInOut);
        Assert.All(structuring, c => Assert.True(c.Transactions.Count(t => t.Kind == TransactionKind.Deposit && t.Amount is >= 45_000 and < 50_000) >= 8));
        var others = bank.Customers.Where(c => c.Traits.AmlPattern is null).Count(c => c.Transactions.Count(t => t.Kind == TransactionKind.Deposit && t.Amount is >= 45_000 and < 50_000) >= 8);
        Assert.Equal(0, others);
    }

    [Fact]
    public void AppEvents_WhenImportExportCompany_IncludeFxRateQueries()
    {
        var traders = bank.Customers.Where(c => c.Customer.ImportExportBusiness && c.Traits.AppUser).ToList();

        Assert.NotEmpty(traders);
        Assert.True(traders.Average(c => c.AppEvents.Count(e => e.Kind == AppEventKind.FxRateQuery)) > 20);
        Assert.Contains(bank.Customers.SelectMany(c => c.AppEvents), e => e.Kind == AppEventKind.ProductView && e.ProductId is not null);
    }

    [Fact]
    public void Interactions_WhenCustomerHasAnRm_AreByThatRmWithAChineseSummary()
    {
        var withRm = bank.Customers.Where(c => c.Customer.RelationshipManagerId is not null).SelectMany(c => c.Interactions.Select(i => (c.Customer, Interaction: i))).ToList();

        Assert.True(withRm.Count > bank.Customers.Count);
        Assert.All(withRm, x =>
        {
            Assert.Equal(x.Customer.RelationshipManagerId, x.Interaction.StaffId);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", x.Interaction.Summary);
        });
    }

    private static ProductCategory Category(Account account) =>
        BankCrm.Data.DemoBank.Catalogs.ProductCatalog.Get(account.ProductId).Category;
}
