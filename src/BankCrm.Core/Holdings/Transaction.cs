namespace BankCrm.Core.Holdings;

public enum TransactionKind
{
    Deposit = 1,
    Withdrawal = 2,
    TransferIn = 3,
    TransferOut = 4,
    Salary = 5,
    CardPurchase = 6,
    LoanDisbursement = 7,
    LoanRepayment = 8,
    WealthPurchase = 9,
    WealthRedemption = 10,
    Interest = 11,
    Fee = 12,
    CrossBorderRemittanceIn = 13,
    CrossBorderRemittanceOut = 14,
    FxExchange = 15,
}

public enum TransactionChannel
{
    Counter = 1,
    Atm = 2,
    MobileApp = 3,
    OnlineBanking = 4,
    Pos = 5,
    ThirdPartyPay = 6,
    Swift = 7,
}

/// <summary>A posted transaction on an account; amount is positive for money in and negative for money out.</summary>
public sealed class Transaction
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public long AccountId { get; set; }

    public DateTime OccurredAt { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "CNY";

    public TransactionKind Kind { get; set; }

    public TransactionChannel Channel { get; set; }

    public string? Counterparty { get; set; }

    /// <summary>Merchant category for card purchases (e.g. 母婴, 餐饮), used by needs rules later.</summary>
    public string? MerchantCategory { get; set; }
}
