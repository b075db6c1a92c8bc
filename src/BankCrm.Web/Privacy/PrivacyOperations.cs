using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Privacy;

namespace BankCrm.Web.Privacy;

/// <summary>The services of one data-subject request operation on a DbContext of its own (see CustomerOperations for why).</summary>
internal sealed record PrivacyServices(PrivacyRequestStore Requests, CorrectionWorkflow Corrections, ErasureExecutor Erasure);

/// <summary>Runs each privacy operation of a Blazor screen on a fresh DbContext.</summary>
internal sealed class PrivacyOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit, PrivacyOptions options)
{
    public async Task<T> RunAsync<T>(Func<PrivacyServices, Task<T>> operation)
    {
        await using var db = factory.CreateDbContext();
        var requests = new PrivacyRequestStore(db, time, audit, options);
        var services = new PrivacyServices(requests, new CorrectionWorkflow(db, time, audit, requests, new CustomerStore(db, time, audit)), new ErasureExecutor(db, time, audit, requests, options));
        return await operation(services);
    }
}
