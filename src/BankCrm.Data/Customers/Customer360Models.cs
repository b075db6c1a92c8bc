using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;

namespace BankCrm.Data.Customers;

public sealed record Customer360Summary(
    long Id,
    string CustomerNumber,
    CustomerType Type,
    string Name,
    string MaskedIdNumber,
    string MaskedMobile,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Industry,
    string BranchName,
    string? RelationshipManagerName,
    KycStatus KycStatus,
    DateOnly? KycExpiresOn,
    DateTime CreatedAt,
    int Version,
    decimal Aum,
    decimal Liabilities,
    int ProductCategoryCount,
    IReadOnlyList<HoldingLine> Holdings,
    IReadOnlyList<CategoryTotal> AssetDistribution,
    IReadOnlyList<TransactionLine> RecentTransactions)
{
    public CustomerHeaderFacts ToHeader() => new(
        Id, CustomerNumber, Type, Name, MaskedIdNumber, MaskedMobile, Gender, BirthDate, Industry, BranchName, RelationshipManagerName,
        KycStatus, KycExpiresOn, CreatedAt, Version);
}

/// <summary>Who the customer is, without any asset figure: what every role allowed to open the customer sees.</summary>
public sealed record CustomerHeaderFacts(
    long Id,
    string CustomerNumber,
    CustomerType Type,
    string Name,
    string MaskedIdNumber,
    string MaskedMobile,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Industry,
    string BranchName,
    string? RelationshipManagerName,
    KycStatus KycStatus,
    DateOnly? KycExpiresOn,
    DateTime CreatedAt,
    int Version);

public sealed record HoldingLine(
    long AccountId,
    string MaskedAccountNumber,
    string ProductName,
    ProductCategory Category,
    int? RiskLevel,
    decimal Balance,
    string Currency,
    decimal BalanceCny,
    DateOnly OpenedOn,
    DateOnly? MaturesOn,
    AccountStatus Status);

public sealed record CategoryTotal(ProductCategory Category, decimal Amount);

public sealed record TransactionLine(
    long Id,
    DateTime OccurredAt,
    string MaskedAccountNumber,
    TransactionKind Kind,
    TransactionChannel Channel,
    decimal Amount,
    string Currency,
    string? Counterparty);

public sealed record TransactionFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public TransactionKind? Kind { get; init; }

    public TransactionChannel? Channel { get; init; }

    public decimal? MinAmount { get; init; }

    public decimal? MaxAmount { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record MonthBalance(int Year, int Month, decimal Balance);

public sealed record InteractionLine(long Id, DateTime OccurredAt, InteractionChannel Channel, string? StaffName, string Summary, string? Outcome, string? NextStep);

public sealed record RelationshipLine(long RelatedCustomerId, string RelatedCustomerNumber, string RelatedName, CustomerType RelatedType, RelationshipKind Kind, bool Outgoing);

public sealed record ChangeLine(long Id, DateTime ChangedAt, string ChangedBy, string Field, string? OldValue, string? NewValue);

public sealed record DocumentLine(IdentityDocumentType DocumentType, string MaskedNumber, DateOnly? IssuedOn, DateOnly? ExpiresOn, string? IssuedBy);

public sealed record ContactLine(ContactKind Kind, string Value, string? Label);
