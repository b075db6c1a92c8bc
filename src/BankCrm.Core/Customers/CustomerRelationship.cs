namespace BankCrm.Core.Customers;

public enum RelationshipKind
{
    Spouse = 1,
    Parent = 2,
    Child = 3,
    Employer = 4,
    LegalRepresentative = 5,
    Shareholder = 6,
    Guarantor = 7,
}

/// <summary>A directed link between two customers: "CustomerId is the {Kind} of RelatedCustomerId".</summary>
public sealed class CustomerRelationship
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public long RelatedCustomerId { get; set; }

    public RelationshipKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }
}
