namespace BankCrm.Core.Holdings;

public enum AccountStatus
{
    Active = 1,
    Dormant = 2,
    Closed = 3,
}

/// <summary>
/// One product held by a customer (deposit account, loan, card, wealth position) with its balance.
/// A read model fed from core banking; for loans and cards the balance is the amount owed.
/// </summary>
public sealed class Account
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public int ProductId { get; set; }

    public string AccountNumber { get; set; } = string.Empty;

    public DateOnly OpenedOn { get; set; }

    public DateOnly? MaturesOn { get; set; }

    public decimal Balance { get; set; }

    public string Currency { get; set; } = "CNY";

    public AccountStatus Status { get; set; } = AccountStatus.Active;
}
