namespace BankCrm.Core.Privacy;

/// <summary>One step in a request's life, kept forever: who moved it, from what to what, and why.</summary>
public sealed class RequestStatusChange
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public RequestStatus? FromStatus { get; set; }

    public RequestStatus ToStatus { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = string.Empty;

    public string ChangedByName { get; set; } = string.Empty;

    public string? Note { get; set; }
}
