using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;

namespace BankCrm.Web.Consent;

/// <summary>Consent reads and writes for Blazor screens, each on a DbContext of its own (see CustomerOperations for why).</summary>
internal sealed class ConsentOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<CustomerConsents?> GetAsync(Actor actor, long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await new ConsentStore(db, time, audit).GetAsync(actor, customerId, cancellationToken);
    }

    public async Task<ConsentOutcome> RecordAsync(Actor actor, long customerId, RecordConsent request, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await new ConsentStore(db, time, audit).RecordAsync(actor, customerId, request, cancellationToken);
    }
}

/// <summary>Tells the 360 header that the consent tab recorded a change, so the summary line follows without a reload.</summary>
internal sealed class ConsentChanges
{
    public event Func<long, Task>? Changed;

    public Task NotifyAsync(long customerId) => Changed?.Invoke(customerId) ?? Task.CompletedTask;
}
