using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Segmentation;

/// <summary>
/// Four customers written straight into the database in a city of their own, so rules can be counted exactly:
/// A 65, retired, fund of 2 million, three recent transactions (one 母婴 card purchase), two logins, owned by rm1;
/// B 30, a mortgage only, no activity; C a cross-border e-commerce company with one old transaction, in another
/// branch; D turns 60 today. Scores: an old completed run, the latest completed run, and a newer unfinished one.
/// </summary>
public sealed record RuleWorld(string City, long A, long B, long C, long D, DateOnly Today, DateOnly LatestRun, int OtherBranchId)
{
    public static Task<RuleWorld> For(BankCrmApp app) => app.OnceAsync("rule-world", () => CreateAsync(app));

    private static async Task<RuleWorld> CreateAsync(BankCrmApp app)
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var city = "规则测试市" + Guid.NewGuid().ToString("N")[..6];
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        var otherBranch = new Branch { Id = 9100 + Random.Shared.Next(800), Code = "T" + Guid.NewGuid().ToString("N")[..5], Name = "测试外支行", Province = "测试省", City = city };
        db.Branches.Add(otherBranch);

        Customer Person(string name, DateOnly? born, string? occupation, int branch, string? rm) => Customer.Create(
            "T" + Guid.NewGuid().ToString("N")[..11],
            new CustomerProfile { Name = name, BirthDate = born, Occupation = occupation, Province = "测试省", City = city },
            branch, rm, now);

        var a = Person("甲老先生", today.AddYears(-65).AddDays(-10), "退休", DemoStaffBranch, rm1);
        var b = Person("乙女士", today.AddYears(-30).AddDays(-100), "教师", DemoStaffBranch, null);
        var c = Customer.Create("T" + Guid.NewGuid().ToString("N")[..11],
            new CustomerProfile { Type = CustomerType.Corporate, Name = "测试跨境电子商务有限公司", Industry = "跨境电商", ImportExportBusiness = true, Province = "测试省", City = city },
            otherBranch.Id, null, now);
        var d = Person("丁先生", today.AddYears(-60), "工程师", DemoStaffBranch, null);
        db.Customers.AddRange(a, b, c, d);
        await db.SaveChangesAsync();
        await ProfilingConsents.GrantAsync(db, [a.Id, b.Id, c.Id, d.Id]);

        var fund = new Product { Id = 9201, Code = "T-FUND-R", Name = "规则测试基金", Category = ProductCategory.Fund, RiskLevel = 3 };
        var mortgage = new Product { Id = 9202, Code = "T-MORT-R", Name = "规则测试房贷", Category = ProductCategory.Mortgage };
        db.Products.AddRange(fund, mortgage);
        await db.SaveChangesAsync();

        var fundAccount = new Account { CustomerId = a.Id, ProductId = fund.Id, AccountNumber = $"T9201{a.Id:D10}", Balance = 2_000_000m, OpenedOn = today.AddDays(-400) };
        var mortgageAccount = new Account { CustomerId = b.Id, ProductId = mortgage.Id, AccountNumber = $"T9202{b.Id:D10}", Balance = 800_000m, OpenedOn = today.AddDays(-900) };
        var corporateAccount = new Account { CustomerId = c.Id, ProductId = fund.Id, AccountNumber = $"T9203{c.Id:D10}", Balance = 0m, OpenedOn = today.AddDays(-900), Status = AccountStatus.Closed };
        db.Accounts.AddRange(fundAccount, mortgageAccount, corporateAccount);
        await db.SaveChangesAsync();

        DateTime DaysAgo(int days) => today.AddDays(-days).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        db.Transactions.AddRange(
            new Transaction { CustomerId = a.Id, AccountId = fundAccount.Id, OccurredAt = DaysAgo(3), Amount = -300m, Kind = TransactionKind.CardPurchase, Channel = TransactionChannel.Pos, MerchantCategory = "母婴" },
            new Transaction { CustomerId = a.Id, AccountId = fundAccount.Id, OccurredAt = DaysAgo(5), Amount = 1_000m, Kind = TransactionKind.Deposit, Channel = TransactionChannel.Counter },
            new Transaction { CustomerId = a.Id, AccountId = fundAccount.Id, OccurredAt = DaysAgo(8), Amount = -200m, Kind = TransactionKind.Withdrawal, Channel = TransactionChannel.Atm },
            new Transaction { CustomerId = b.Id, AccountId = mortgageAccount.Id, OccurredAt = DaysAgo(20), Amount = 5m, Kind = TransactionKind.Interest, Channel = TransactionChannel.Counter },
            new Transaction { CustomerId = c.Id, AccountId = corporateAccount.Id, OccurredAt = DaysAgo(400), Amount = 50_000m, Kind = TransactionKind.CrossBorderRemittanceIn, Channel = TransactionChannel.Swift });
        db.AppEvents.AddRange(
            new AppEvent { CustomerId = a.Id, Kind = AppEventKind.Login, OccurredAt = DaysAgo(1) },
            new AppEvent { CustomerId = a.Id, Kind = AppEventKind.Login, OccurredAt = DaysAgo(9) },
            new AppEvent { CustomerId = a.Id, Kind = AppEventKind.ProductView, ProductId = fund.Id, OccurredAt = DaysAgo(2) },
            new AppEvent { CustomerId = c.Id, Kind = AppEventKind.FxRateQuery, OccurredAt = DaysAgo(4) });

        var old = today.AddDays(-60);
        var latest = today.AddDays(-30);
        var unfinished = today.AddDays(-1);
        db.ScoringRuns.AddRange(
            new ScoringRun { RunDate = old, Status = ScoringRunStatus.Completed, StartedAt = now, StartedBy = "test" },
            new ScoringRun { RunDate = latest, Status = ScoringRunStatus.Completed, StartedAt = now, StartedBy = "test" },
            new ScoringRun { RunDate = unfinished, Status = ScoringRunStatus.Running, StartedAt = now, StartedBy = "test" });
        CustomerScore Score(DateOnly run, long id, CustomerClass cls, int health, double? churn) => new()
        {
            RunDate = run, CustomerId = id, CustomerClass = cls, HealthScore = health, ChurnProbability = churn, ValueTier = ValueTier.Basic,
            LifecycleStage = LifecycleStage.Mature, StageSince = run, RecencyScore = 3, FrequencyScore = 3, MonetaryScore = 3,
        };
        db.CustomerScores.AddRange(
            Score(old, a.Id, CustomerClass.Attention, 10, 0.9), Score(old, b.Id, CustomerClass.Attention, 10, 0.9),
            Score(latest, a.Id, CustomerClass.Strategic, 90, 0.05), Score(latest, b.Id, CustomerClass.Growth, 60, 0.40), Score(latest, d.Id, CustomerClass.Growth, 55, null),
            Score(unfinished, a.Id, CustomerClass.Attention, 1, 0.99), Score(unfinished, b.Id, CustomerClass.Attention, 1, 0.99));
        db.CustomerNeeds.AddRange(
            new CustomerNeed { RunDate = latest, CustomerId = b.Id, NeedCode = "renovation-loan", Evidence = "房贷已还款 6 个月" },
            new CustomerNeed { RunDate = old, CustomerId = a.Id, NeedCode = "renovation-loan", Evidence = "旧的" });
        await db.SaveChangesAsync();
        return new RuleWorld(city, a.Id, b.Id, c.Id, d.Id, today, latest, otherBranch.Id);
    }

    private const int DemoStaffBranch = BankCrm.Data.Organization.DemoStaff.HomeBranchId;
}
