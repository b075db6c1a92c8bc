namespace BankCrm.Core.Customers;

public enum IdentityDocumentType
{
    ResidentIdCard = 1,
    Passport = 2,
    HongKongMacaoPermit = 3,
    BusinessLicense = 4,
}

/// <summary>An identity document on file for a customer (KYC evidence).</summary>
public sealed class IdentityDocument
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public IdentityDocumentType DocumentType { get; set; }

    public string Number { get; set; } = string.Empty;

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? IssuedBy { get; set; }
}
