using BankCrm.Data.Audit;
using BankCrm.Data.Customers.Sharing;
using BankCrm.Data.Database;
using Microsoft.Extensions.Caching.Memory;

namespace BankCrm.Web.Customers.Sharing;

/// <summary>
/// The running shares per colleague, kept 30 seconds. A share created or revoked on this node drops the colleague's
/// entry at once; on other nodes the change shows within the 30 seconds. Expiry needs no eviction: the claims carry
/// the end time and <see cref="Identity.SharedCustomerClaims.Active"/> drops ended shares on every read.
/// </summary>
internal sealed class SharedCustomersCache(IMemoryCache cache, CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<ActiveShare>> ActiveForAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(Key(userId), out IReadOnlyList<ActiveShare>? shares) && shares is not null)
        {
            return shares;
        }

        await using (var db = factory.CreateDbContext())
        {
            shares = await new CustomerShareStore(db, time, audit).ActiveForAsync(userId, cancellationToken);
        }

        cache.Set(Key(userId), shares, Lifetime);
        return shares;
    }

    public void Forget(string userId) => cache.Remove(Key(userId));

    private static string Key(string userId) => "bankcrm:shares:" + userId;
}
