using BankCrm.Core.Common;
using BankCrm.Core.Holdings;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;

namespace BankCrm.Integration.Tests.Customers;

public sealed record SeededAccount(long Id, ProductCategory Category, decimal Balance);

public sealed record SeededTransaction(long Id, long AccountId, DateTime OccurredAt, decimal Amount, TransactionKind Kind, TransactionChannel Channel);

public sealed record Holder(CustomerInput Input, CustomerResponse Customer, DateOnly Today, IReadOnlyList<SeededAccount> Accounts, IReadOnlyList<SeededTransaction> Transactions);

/// <summary>
/// Writes one customer's holdings the way the core-banking feed would: six products (ids from 9001 and
/// codes T-…, clear of the demo catalogue), seven accounts and twelve transactions over 14 months.
/// </summary>
public static class HoldingsSeed
{
    public static async Task<Holder> WriteAsync(BankCrmApp app, CustomerInput input, CustomerResponse customer)
    {
        var today = ChinaTime.Today(TimeProvider.System);
        await using var db = app.CreateDbContext();

        var products = new Dictionary<ProductCategory, Product>
        {
            [ProductCategory.DemandDeposit] = new() { Id = 9001, Code = "T-DEMAND", Name = "测试活期储蓄", Category = ProductCategory.DemandDeposit },
            [ProductCategory.TimeDeposit] = new() { Id = 9002, Code = "T-TIME", Name = "测试三年定期", Category = ProductCategory.TimeDeposit, TermMonths = 36, AnnualRatePercent = 2.6m },
            [ProductCategory.Wealth] = new() { Id = 9003, Code = "T-WEALTH", Name = "测试稳健理财", Category = ProductCategory.Wealth, RiskLevel = 3 },
            [ProductCategory.Mortgage] = new() { Id = 9004, Code = "T-MORTGAGE", Name = "测试住房按揭", Category = ProductCategory.Mortgage },
            [ProductCategory.CreditCard] = new() { Id = 9005, Code = "T-CARD", Name = "测试信用卡", Category = ProductCategory.CreditCard },
        };
        db.Products.AddRange(products.Values);
        await db.SaveChangesAsync();

        var serial = 0;
        Account Open(ProductCategory category, decimal balance, int daysAgo, AccountStatus status = AccountStatus.Active) => new()
        {
            CustomerId = customer.Id,
            ProductId = products[category].Id,
            AccountNumber = $"629999{customer.Id:D8}{++serial:D2}",
            Balance = balance,
            OpenedOn = today.AddDays(-daysAgo),
            Status = status,
        };

        var demand = Open(ProductCategory.DemandDeposit, 50_000.00m, 2000);
        var time = Open(ProductCategory.TimeDeposit, 100_000.00m, 70);
        var wealth = Open(ProductCategory.Wealth, 80_000.50m, 40);
        var dormant = Open(ProductCategory.DemandDeposit, 1_234.56m, 3000, AccountStatus.Dormant);
        var mortgage = Open(ProductCategory.Mortgage, 500_000.00m, 1500);
        var card = Open(ProductCategory.CreditCard, 3_200.75m, 900);
        var paidOff = Open(ProductCategory.CreditCard, 0m, 2500, AccountStatus.Closed);
        Account[] accounts = [demand, time, wealth, dormant, mortgage, card, paidOff];
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync();

        Transaction Post(Account account, int daysAgo, decimal amount, TransactionKind kind, TransactionChannel channel) => new()
        {
            CustomerId = customer.Id,
            AccountId = account.Id,
            OccurredAt = today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddHours(-8),
            Amount = amount,
            Kind = kind,
            Channel = channel,
            Counterparty = "测试对手方",
        };

        Transaction[] transactions =
        [
            Post(demand, 2, 15_000.00m, TransactionKind.Salary, TransactionChannel.OnlineBanking),
            Post(card, 5, -288.50m, TransactionKind.CardPurchase, TransactionChannel.Pos),
            Post(demand, 10, -2_000.00m, TransactionKind.Withdrawal, TransactionChannel.Atm),
            Post(demand, 20, -50_000.00m, TransactionKind.TransferOut, TransactionChannel.MobileApp),
            Post(demand, 25, 9.00m, TransactionKind.Interest, TransactionChannel.Counter),
            Post(demand, 40, -80_000.00m, TransactionKind.WealthPurchase, TransactionChannel.MobileApp),
            Post(wealth, 40, 80_000.00m, TransactionKind.WealthPurchase, TransactionChannel.MobileApp),
            Post(time, 70, 100_000.00m, TransactionKind.Deposit, TransactionChannel.Counter),
            Post(demand, 100, 10.00m, TransactionKind.Interest, TransactionChannel.Counter),
            Post(demand, 200, -0.01m, TransactionKind.Fee, TransactionChannel.Counter),
            Post(card, 230, -1_000.00m, TransactionKind.CardPurchase, TransactionChannel.ThirdPartyPay),
            Post(demand, 420, 1_000.00m, TransactionKind.Deposit, TransactionChannel.Counter),
        ];
        db.Transactions.AddRange(transactions);
        await db.SaveChangesAsync();

        return new Holder(
            input,
            customer,
            today,
            [.. accounts.Select(a => new SeededAccount(a.Id, products[CategoryOf(a, products)].Category, a.Balance))],
            [.. transactions.Select(t => new SeededTransaction(t.Id, t.AccountId, t.OccurredAt, t.Amount, t.Kind, t.Channel))]);
    }

    private static ProductCategory CategoryOf(Account account, Dictionary<ProductCategory, Product> products) =>
        products.Single(p => p.Value.Id == account.ProductId).Key;
}
