using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;

namespace BankCrm.Web.Customers;

/// <summary>
/// Runs each data operation of a Blazor screen on a DbContext of its own. A circuit lives for hours and its
/// components load in parallel (the 360 page loads its summary and trend at once), so the circuit-scoped
/// context would be used concurrently, which EF Core forbids, and would cache stale entities.
/// </summary>
internal sealed class CustomerOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<T> SearchAsync<T>(Func<CustomerSearch, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(new CustomerSearch(db));
    }

    public async Task<T> QueryAsync<T>(Func<Customer360Query, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(new Customer360Query(db, time));
    }

    public async Task<SaveOutcome> SaveAsync(Func<CustomerStore, Task<SaveOutcome>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(new CustomerStore(db, time, audit));
    }

    public async Task<BookOverview> BookOverviewAsync(Core.Organization.Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await new BookOverviewQuery(db).ForAsync(actor, cancellationToken);
    }

    public async Task<T> ReadAsync<T>(Func<CrmDbContext, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        return await operation(db);
    }
}
