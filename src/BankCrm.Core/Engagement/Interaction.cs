namespace BankCrm.Core.Engagement;

public enum InteractionChannel
{
    Visit = 1,
    Call = 2,
    WeCom = 3,
    Branch = 4,
    App = 5,
    Email = 6,
    Salon = 7,
}

/// <summary>A contact between the bank and a customer: who, when, through which channel, and what came of it.</summary>
public sealed class Interaction
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public string? StaffId { get; set; }

    public InteractionChannel Channel { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string? Outcome { get; set; }

    public string? NextStep { get; set; }

    /// <summary>The task this contact was logged from, if any.</summary>
    public long? TaskId { get; set; }

    /// <summary>The event (salon) this contact belongs to, if any.</summary>
    public long? EventId { get; set; }
}
