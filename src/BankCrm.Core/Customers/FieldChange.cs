namespace BankCrm.Core.Customers;

/// <summary>One field of a customer that changed: kept forever as the record's change history.</summary>
public sealed class FieldChange
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;

    public string Field { get; set; } = string.Empty;

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}
