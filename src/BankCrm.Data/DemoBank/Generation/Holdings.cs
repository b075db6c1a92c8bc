using BankCrm.Core.Holdings;

namespace BankCrm.Data.DemoBank.Generation;

/// <summary>An account with what the transaction generator needs to know about it.</summary>
internal sealed class HeldAccount(Account account, ProductCategory category)
{
    public Account Account { get; } = account;

    public ProductCategory Category { get; } = category;

    /// <summary>Monthly instalment of a loan, in CNY.</summary>
    public decimal Instalment { get; init; }

    /// <summary>For a churner: the balance the account had before the customer started to leave.</summary>
    public decimal BalanceBeforeFade { get; set; }
}

/// <summary>The accounts of one customer, sorted by role.</summary>
internal sealed class Holdings
{
    public List<HeldAccount> All { get; } = [];

    public HeldAccount Settlement => All[0];

    public HeldAccount? CreditCard => All.FirstOrDefault(a => a.Category == ProductCategory.CreditCard);

    public IEnumerable<HeldAccount> Loans => All.Where(a => a.Category is ProductCategory.Mortgage or ProductCategory.ConsumerLoan or ProductCategory.CorporateLoan);

    public IEnumerable<HeldAccount> Investments => All.Where(a => a.Category is ProductCategory.Wealth or ProductCategory.Fund);

    public HeldAccount? Fx => All.FirstOrDefault(a => a.Category == ProductCategory.ForeignExchange);
}
