using BankCrm.Data.DemoBank.Generation;

namespace BankCrm.Data.DemoBank.Writers;

/// <summary>Loads generated chunks into one database; each chunk is one transaction.</summary>
internal interface IDemoBankWriter : IDisposable
{
    Task PrepareAsync(CancellationToken cancellationToken);

    Task BeginChunkAsync(CancellationToken cancellationToken);

    Task WriteTableAsync<T>(TableShape<T> table, IEnumerable<T> rows, CancellationToken cancellationToken);

    Task CommitChunkAsync(CancellationToken cancellationToken);

    /// <summary>Whatever the bulk load postponed: indexes, sequences, statistics.</summary>
    Task FinishAsync(IProgress<string>? progress, CancellationToken cancellationToken);
}

internal static class DemoBankWriting
{
    /// <summary>Writes a chunk parents first: all customers before anything that refers to them.</summary>
    public static async Task WriteChunkAsync(this IDemoBankWriter writer, DemoBankChunk chunk, CancellationToken cancellationToken)
    {
        var customers = chunk.Customers;
        await writer.BeginChunkAsync(cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Customers, customers.Select(c => c.Customer), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Documents, customers.SelectMany(c => c.Documents), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Contacts, customers.SelectMany(c => c.Contacts), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Relationships, customers.SelectMany(c => c.Relationships), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Accounts, customers.SelectMany(c => c.Accounts), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Transactions, customers.SelectMany(c => c.Transactions), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.AppEvents, customers.SelectMany(c => c.AppEvents), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Interactions, customers.SelectMany(c => c.Interactions), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Consents, customers.SelectMany(c => c.Consents), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Changes, customers.Select(c => c.Created), cancellationToken);
        await writer.WriteTableAsync(DemoBankTables.Truth, customers.Select(c => c.Truth), cancellationToken);
        await writer.CommitChunkAsync(cancellationToken);
    }
}
