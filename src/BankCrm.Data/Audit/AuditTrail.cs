using BankCrm.Core.Audit;
using BankCrm.Data.Database;

namespace BankCrm.Data.Audit;

/// <summary>
/// Appends to the audit log. The app never updates or deletes an entry; on PostgreSQL a trigger refuses it too.
/// Stateless (a factory, the gate and the clock), so one instance serves the whole app and the Blazor circuits.
/// </summary>
public sealed class AuditTrail(CrmDbContextFactory factory, AuditGate gate, TimeProvider time, IAuditClientAddress? client = null)
{
    /// <summary>Records one entry in a transaction of its own.</summary>
    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await using var append = await BeginAsync(db, cancellationToken);
        var entry = await append.AppendAsync(record, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Opens a transaction on <paramref name="db"/> holding the audit lock, for changes that must commit with their entry.</summary>
    public Task<AuditAppend> BeginAsync(CrmDbContext db, CancellationToken cancellationToken = default) =>
        AuditAppend.BeginAsync(db, time, gate.Semaphore, client, cancellationToken);
}
