namespace BankCrm.Core.Audit;

/// <summary>The outcome of checking the chain: intact with its length and head, or the first entry that is broken and why.</summary>
public sealed record AuditVerification(long Count, string LastHash, long? BrokenAtId, string? Reason)
{
    public bool Intact => BrokenAtId is null;
}
