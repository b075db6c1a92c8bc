namespace BankCrm.Core.Customers;

public enum ContactKind
{
    Mobile = 1,
    Landline = 2,
    Email = 3,
    HomeAddress = 4,
    WorkAddress = 5,
    WeCom = 6,
}

/// <summary>A further phone, e-mail or address of a customer, beyond the primary ones on the record.</summary>
public sealed class ContactPoint
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public ContactKind Kind { get; set; }

    public string Value { get; set; } = string.Empty;

    public string? Label { get; set; }
}
