using BankCrm.Core.Customers;
using BankCrm.Data.Database;

namespace BankCrm.Data.Customers.ImportCustomers;

internal sealed class BatchResult
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Invalid { get; set; }

    public List<ImportRowError> Errors { get; } = [];
}

/// <summary>
/// One batch of rows in one transaction: decide every row, create or update the valid ones, and store the change
/// history (a "Created" entry for new customers, one entry per changed field for updates).
/// </summary>
internal sealed class ImportBatch(ImportRun run, CrmDbContext db)
{
    public async Task<BatchResult> RunAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        await run.Directory.LoadStaffAsync(db, rows.Select(r => r.ManagerUserName), cancellationToken);
        var decider = new RowDecider(run, await BatchLookup.LoadAsync(db, rows, cancellationToken));
        var result = new BatchResult();
        var created = new List<Customer>();
        foreach (var row in rows)
        {
            var (plan, errors) = decider.Decide(row);
            if (plan is null)
            {
                result.Invalid++;
                result.Errors.AddRange(errors);
            }
            else if (plan.Target is null)
            {
                created.Add(Create(row, plan));
            }
            else if (Update(plan.Target, plan) is { Count: > 0 } changes)
            {
                db.CustomerChanges.AddRange(changes);
                result.Updated++;
            }
            else
            {
                result.Unchanged++;
            }
        }

        result.Created = created.Count;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.CustomerChanges.AddRange(created.Select(c => new FieldChange
        {
            CustomerId = c.Id, ChangedAt = run.Now, ChangedBy = run.Actor.UserName, Field = "Created", NewValue = c.CustomerNumber,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private Customer Create(ImportRow row, RowPlan plan)
    {
        var number = row.CustomerNumber ?? run.Numbers.Next(n => run.Seen.NumberRow(n) is not null);
        run.Seen.AddNumber(number, row.Number);
        var customer = Customer.Create(number, plan.Profile, plan.BranchId, plan.ManagerId, run.Now);
        db.Customers.Add(customer);
        return customer;
    }

    private List<FieldChange> Update(Customer customer, RowPlan plan) =>
    [
        .. customer.Update(plan.Profile, run.Actor.UserName, run.Now),
        .. customer.AssignTo(plan.BranchId, plan.ManagerId, run.Actor.UserName, run.Now),
    ];
}
