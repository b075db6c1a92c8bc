namespace BankCrm.Data.DemoBank.Generation;

/// <summary>A run of consecutive customers with all their rows, numbered and ready to write.</summary>
internal sealed class DemoBankChunk(IReadOnlyList<GeneratedCustomer> customers)
{
    public IReadOnlyList<GeneratedCustomer> Customers { get; } = customers;

    public long LastCustomerId => Customers[^1].Customer.Id;
}

/// <summary>
/// Gives every row a bank-wide id. Chunks are numbered strictly in order, so the ids only depend on the seed;
/// a customer's accounts keep their order, and transactions follow their account to its new id.
/// </summary>
internal sealed class RowNumbering
{
    private long documents;
    private long contacts;
    private long relationships;
    private long accounts;
    private long transactions;
    private long appEvents;
    private long interactions;
    private long consents;

    public void Number(DemoBankChunk chunk)
    {
        foreach (var generated in chunk.Customers)
        {
            var customerId = generated.Customer.Id;
            foreach (var row in generated.Documents)
            {
                row.Id = ++documents;
                row.CustomerId = customerId;
            }

            foreach (var row in generated.Contacts)
            {
                row.Id = ++contacts;
                row.CustomerId = customerId;
            }

            foreach (var row in generated.Relationships)
            {
                row.Id = ++relationships;
            }

            var accountBase = accounts;
            foreach (var row in generated.Accounts)
            {
                row.Id = accountBase + row.Id;
                accounts = Math.Max(accounts, row.Id);
            }

            foreach (var row in generated.Transactions)
            {
                row.Id = ++transactions;
                row.AccountId = accountBase + row.AccountId;
            }

            foreach (var row in generated.AppEvents)
            {
                row.Id = ++appEvents;
            }

            foreach (var row in generated.Interactions)
            {
                row.Id = ++interactions;
            }

            foreach (var row in generated.Consents)
            {
                row.Id = ++consents;
                row.CustomerId = customerId;
            }
        }
    }
}
