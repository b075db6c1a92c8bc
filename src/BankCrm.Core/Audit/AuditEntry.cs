namespace BankCrm.Core.Audit;

/// <summary>
/// One line of the tamper-evident audit log. Entries are only ever appended; <see cref="Hash"/> covers every other
/// field plus the previous entry's hash, so editing, deleting or reordering a row breaks the chain (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Gap-free sequence number assigned under the audit lock: 1, 2, 3, …</summary>
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = string.Empty;

    public long? CustomerId { get; set; }

    /// <summary>Comma-separated names of what was seen or changed, e.g. "balances,transactions".</summary>
    public string? Fields { get; set; }

    public string? Purpose { get; set; }

    /// <summary>JSON; personal values in it are always masked (C2 data never enters the log in clear).</summary>
    public string? Detail { get; set; }

    public string? RemoteIp { get; set; }

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
