using BankCrm.Core.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BankCrm.Data.Audit;

/// <summary>
/// A transaction that holds the audit lock: business changes saved on the same context before <see cref="CommitAsync"/>
/// commit together with their audit entries, or neither does. Disposing without committing rolls back and releases the lock.
/// </summary>
public sealed class AuditAppend : IAsyncDisposable
{
    // "BankAudi" as a 64-bit key for pg_advisory_xact_lock; any constant works as long as every node uses the same.
    private const long AdvisoryLockKey = 0x42616E6B41756469;

    private readonly CrmDbContext db;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate;
    private readonly IDbContextTransaction transaction;
    private readonly IAuditClientAddress? client;
    private AuditEntry? head;
    private bool headRead;
    private bool disposed;

    private AuditAppend(CrmDbContext db, TimeProvider time, SemaphoreSlim gate, IDbContextTransaction transaction, IAuditClientAddress? client)
    {
        this.client = client;
        this.db = db;
        this.time = time;
        this.gate = gate;
        this.transaction = transaction;
    }

    internal static async Task<AuditAppend> BeginAsync(CrmDbContext db, TimeProvider time, SemaphoreSlim gate, IAuditClientAddress? client, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            }

            return new AuditAppend(db, time, gate, transaction, client);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            gate.Release();
            throw;
        }
    }

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
        (await AppendAllAsync([record], cancellationToken))[0];

    /// <summary>Appends several entries in order with one round trip to the database.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AppendAllAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!headRead)
        {
            head = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
            headRead = true;
        }

        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var entry = new AuditEntry
            {
                Id = (head?.Id ?? 0) + 1,
                OccurredAt = time.GetUtcNow().UtcDateTime,
                ActorId = record.ActorId,
                ActorName = record.ActorName,
                Action = record.Action,
                CustomerId = record.CustomerId,
                Fields = record.Fields,
                Purpose = record.Purpose,
                Detail = record.Detail,
                RemoteIp = record.RemoteIp ?? client?.RemoteIp,
            };
            AuditChain.Seal(entry, head);
            entries.Add(entry);
            head = entry;
        }

        var named = new List<AuditedCustomer>();
        for (var i = 0; i < records.Count; i++)
        {
            named.AddRange(records[i].NamedCustomers().Select(id => new AuditedCustomer { CustomerId = id, OccurredAt = entries[i].OccurredAt, EntryId = entries[i].Id }));
            client?.Recorded(records[i]);
        }

        db.Set<AuditEntry>().AddRange(entries);
        db.Set<AuditedCustomer>().AddRange(named);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        foreach (var customer in named)
        {
            db.Entry(customer).State = EntityState.Detached;
        }

        return entries;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    /// <summary>Safe to call twice: a caller may give the lock back early, before its <c>await using</c> ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
