using System.Collections.Concurrent;
using BankCrm.Core.Audit;
using BankCrm.Data.Database;

namespace BankCrm.Data.Audit;

/// <summary>
/// Appends to the audit log. The app never updates or deletes an entry; on PostgreSQL a trigger refuses it too.
/// One instance serves the whole app and the Blazor circuits.
/// </summary>
/// <remarks>
/// Entries recorded at the same moment are written as a group: one caller takes the lock and appends every waiting
/// entry in one transaction, and each caller's call returns only once its own entry is committed. Every sensitive
/// read writes an entry, so one lock and one transaction per entry would cap the busiest pages at the rate of a
/// single serialised commit.
/// </remarks>
public sealed class AuditTrail(CrmDbContextFactory factory, AuditGate gate, TimeProvider time, IAuditClientAddress? client = null)
{
    private const int MaxGroupSize = 256;

    private readonly ConcurrentQueue<Pending> waiting = new();
    private int writing;

    /// <summary>Records one entry; returns when it is committed, and throws (blocking the caller's action) when it cannot be.</summary>
    public Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);

        // The client address belongs to the caller's request, not to whichever request ends up writing the group.
        var pending = new Pending(record with { RemoteIp = record.RemoteIp ?? client?.RemoteIp });
        client?.Recorded(record);
        waiting.Enqueue(pending);
        _ = WriteWaitingAsync();
        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Opens a transaction on <paramref name="db"/> holding the audit lock, for changes that must commit with their entry.</summary>
    public Task<AuditAppend> BeginAsync(CrmDbContext db, CancellationToken cancellationToken = default) =>
        AuditAppend.BeginAsync(db, time, gate.Semaphore, client, cancellationToken);

    private async Task WriteWaitingAsync()
    {
        while (!waiting.IsEmpty && Interlocked.CompareExchange(ref writing, 1, 0) == 0)
        {
            try
            {
                while (!waiting.IsEmpty)
                {
                    await WriteGroupAsync();
                }
            }
            finally
            {
                Volatile.Write(ref writing, 0);
            }
        }
    }

    private async Task WriteGroupAsync()
    {
        var group = new List<Pending>(MaxGroupSize);
        while (group.Count < MaxGroupSize && waiting.TryDequeue(out var next))
        {
            group.Add(next);
        }

        try
        {
            await using var db = factory.CreateDbContext();
            // No client here: each entry already carries its own caller's address (or none, for circuits and the CLI).
            await using var append = await AuditAppend.BeginAsync(db, time, gate.Semaphore, client: null, CancellationToken.None);
            var entries = await append.AppendAllAsync([.. group.Select(p => p.Record)], CancellationToken.None);

            await append.CommitAsync(CancellationToken.None);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Committed.TrySetResult(entries[i]);
            }
        }
        catch (Exception failure)
        {
            foreach (var pending in group)
            {
                pending.Committed.TrySetException(failure);
            }
        }
    }

    private sealed record Pending(AuditRecord Record)
    {
        public TaskCompletionSource<AuditEntry> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
