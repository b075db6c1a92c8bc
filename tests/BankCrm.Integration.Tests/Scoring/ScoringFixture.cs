using BankCrm.Core.Common;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>
/// A customer of rm1 built to match two need rules (a mortgage repaid for 8 months and no consumer loan; five
/// 母婴 card purchases in the last months), written the way the core-banking feed would.
/// </summary>
public static class ScoringFixture
{
    public static readonly DateOnly Today = ChinaTime.Today(TimeProvider.System);

    public static async Task<CustomerResponse> YoungFamilyAsync(BankCrmApp app)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("钱家装"));
        await using var db = app.CreateDbContext();
        await ProfilingConsents.GrantAsync(db, [customer.Id]);
        var mortgage = new Product { Id = 9101, Code = "T-S-MORTGAGE", Name = "测试住房贷款", Category = ProductCategory.Mortgage };
        var demand = new Product { Id = 9102, Code = "T-S-DEMAND", Name = "测试活期", Category = ProductCategory.DemandDeposit };
        db.Products.AddRange(mortgage, demand);
        await db.SaveChangesAsync();

        var card = new Account { CustomerId = customer.Id, ProductId = demand.Id, AccountNumber = $"628888{customer.Id:D8}01", Balance = 30_000m, OpenedOn = Today.AddYears(-3) };
        var loan = new Account { CustomerId = customer.Id, ProductId = mortgage.Id, AccountNumber = $"628888{customer.Id:D8}02", Balance = 1_200_000m, OpenedOn = Today.AddMonths(-8) };
        db.Accounts.AddRange(card, loan);
        await db.SaveChangesAsync();

        for (var i = 1; i <= 5; i++)
        {
            db.Transactions.Add(new Transaction
            {
                CustomerId = customer.Id,
                AccountId = card.Id,
                OccurredAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-20 * i),
                Amount = -300m,
                Kind = TransactionKind.CardPurchase,
                Channel = TransactionChannel.Pos,
                Counterparty = "孩子王",
                MerchantCategory = "母婴",
            });
        }

        db.AppEvents.Add(new AppEvent { CustomerId = customer.Id, Kind = AppEventKind.Login, OccurredAt = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-3) });
        await db.SaveChangesAsync();
        return customer;
    }

    /// <summary>A runner of its own over the app's database, with small batches and optionally a churn model.</summary>
    public static ScoringRunner Runner(BankCrmApp app, int batchSize, FixedChurnScorer? churn = null)
    {
        var services = new ServiceCollection();
        if (churn is not null)
        {
            services.AddSingleton<BankCrm.Data.Scoring.Churn.IChurnScorer>(churn);
        }

        return new ScoringRunner(app.Services.GetRequiredService<CrmDbContextFactory>(), new ScoringSettings { BatchSize = batchSize }, TimeProvider.System, services.BuildServiceProvider());
    }
}
