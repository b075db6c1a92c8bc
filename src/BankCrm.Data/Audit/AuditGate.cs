namespace BankCrm.Data.Audit;

/// <summary>
/// The in-process half of the audit lock (one per app); across app nodes PostgreSQL's advisory lock does the same.
/// Held until the appending transaction commits, so the next writer always reads the committed head.
/// </summary>
public sealed class AuditGate
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);
}
