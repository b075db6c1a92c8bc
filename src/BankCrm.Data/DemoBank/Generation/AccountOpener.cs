using BankCrm.Core.Holdings;
using BankCrm.Data.DemoBank.Catalogs;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>Numbers and dates a customer's accounts: never opened before the customer joined, numbers unique bank-wide.</summary>
internal sealed class AccountOpener(GeneratedCustomer generated, Holdings holdings, DateOnly asOf)
{
    private readonly DateOnly since = generated.Traits.CustomerSince;

    public DateOnly RandomOpenDate(DemoRandom random) =>
        since.AddDays(random.Next(Math.Max(1, asOf.DayNumber - since.DayNumber)));

    public HeldAccount Open(int productId, decimal balance, DateOnly openedOn, DateOnly? maturesOn = null, AccountStatus status = AccountStatus.Active, decimal instalment = 0)
    {
        var product = ProductCatalog.Get(productId);
        var ordinal = holdings.All.Count + 1;
        var (prefix, length) = NumberFormat(product.Category, generated.Traits.IsCorporate);
        var account = new Account
        {
            Id = ordinal,
            CustomerId = generated.Customer.Id,
            ProductId = productId,
            AccountNumber = UniqueKeys.AccountNumber(prefix, generated.Customer.Id, ordinal, length),
            OpenedOn = openedOn < since ? since : openedOn,
            MaturesOn = maturesOn,
            Balance = balance,
            Currency = product.Currency,
            Status = status,
        };
        var held = new HeldAccount(account, product.Category) { Instalment = instalment, BalanceBeforeFade = balance };
        holdings.All.Add(held);
        return held;
    }

    /// <summary>A deposit or wealth product with a term: opened within its term so it matures in the future.</summary>
    public HeldAccount OpenTerm(int productId, decimal balance, DemoRandom random)
    {
        var months = ProductCatalog.Get(productId).TermMonths;
        if (months is null)
        {
            return Open(productId, balance, RandomOpenDate(random));
        }

        var matures = asOf.AddDays(random.Between(1, months.Value * 30));
        return Open(productId, balance, matures.AddMonths(-months.Value), matures);
    }

    public HeldAccount OpenLoan(int productId, decimal balance, DateOnly openedOn, DateOnly maturesOn, decimal instalment) =>
        Open(productId, balance, openedOn, maturesOn, AccountStatus.Active, instalment);

    // Debit cards are 19 digits and credit cards 16 (UnionPay BINs 62…); other accounts are 18-digit internal numbers.
    private static (string Prefix, int Length) NumberFormat(ProductCategory category, bool corporate) => category switch
    {
        ProductCategory.DemandDeposit => corporate ? ("1201", 18) : ("621788", 19),
        ProductCategory.CreditCard => ("625966", 16),
        ProductCategory.TimeDeposit => ("3101", 18),
        ProductCategory.Wealth => ("4101", 18),
        ProductCategory.Fund => ("4201", 18),
        ProductCategory.Insurance => ("4301", 18),
        ProductCategory.Mortgage => ("5101", 18),
        ProductCategory.ConsumerLoan => ("5201", 18),
        ProductCategory.CorporateLoan => ("5301", 18),
        _ => ("6101", 18),
    };
}
