using BankCrm.Core.Customers;

namespace BankCrm.Data.Customers;

public enum CustomerSort
{
    Name = 0,
    CustomerNumber = 1,
    CreatedAt = 2,
}

public sealed record CustomerListQuery
{
    public string? Search { get; init; }

    public int? BranchId { get; init; }

    public string? RelationshipManagerId { get; init; }

    public CustomerType? Type { get; init; }

    public CustomerSort Sort { get; init; } = CustomerSort.CustomerNumber;

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    /// <summary>
    /// Name searches stop counting here ("more than 1,000"): a common two-character prefix matches tens of
    /// thousands of customers at bank scale, and nobody pages through them; exact counts cost the latency.
    /// </summary>
    public int NameSearchCountLimit { get; init; } = 1_000;
}

/// <summary>A row of the customer list: identifiers masked, as every list and export must be.</summary>
public sealed record CustomerListItem(
    long Id,
    string CustomerNumber,
    CustomerType Type,
    string Name,
    string MaskedIdNumber,
    string MaskedMobile,
    int BranchId,
    string BranchName,
    string? RelationshipManagerId,
    string? RelationshipManagerName,
    KycStatus KycStatus,
    DateTime CreatedAt);
