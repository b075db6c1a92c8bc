using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Data.Database;

namespace BankCrm.Web.Customers.Sharing;

/// <summary>
/// Sharing for the API and the 360 page, each call on a DbContext of its own (see CustomerOperations for why); after
/// a share is created or revoked, the colleague's cached shares are dropped so their next request sees the change.
/// </summary>
internal sealed class SharingOperations(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit, SharedCustomersCache cache, SharingOptions options)
{
    public int MaxShareDays => options.MaxShareDays;

    public Task<ShareOutcome> ShareAsync(Actor actor, long customerId, ShareCustomer request, CancellationToken cancellationToken = default) =>
        RunAsync(store => store.ShareAsync(actor, customerId, request, options.MaxShareDays, cancellationToken));

    public Task<ShareOutcome> ListActiveAsync(Actor actor, long customerId, CancellationToken cancellationToken = default) =>
        RunAsync(store => store.ListActiveAsync(actor, customerId, cancellationToken));

    public Task<ShareOutcome> RevokeAsync(Actor actor, long customerId, long shareId, CancellationToken cancellationToken = default) =>
        RunAsync(store => store.RevokeAsync(actor, customerId, shareId, cancellationToken));

    public async Task<IReadOnlyList<ShareColleague>> ColleaguesAsync(Actor actor, string? search, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await new CustomerShareStore(db, time, audit).ColleaguesAsync(actor, search, cancellationToken: cancellationToken);
    }

    private async Task<ShareOutcome> RunAsync(Func<CustomerShareStore, Task<ShareOutcome>> operation)
    {
        ShareOutcome outcome;
        await using (var db = factory.CreateDbContext())
        {
            outcome = await operation(new CustomerShareStore(db, time, audit));
        }

        var changed = outcome switch
        {
            ShareOutcome.Shared shared => shared.Line.SharedWithId,
            ShareOutcome.Revoked revoked => revoked.Line.SharedWithId,
            _ => null,
        };
        if (changed is not null)
        {
            cache.Forget(changed);
        }

        return outcome;
    }
}
