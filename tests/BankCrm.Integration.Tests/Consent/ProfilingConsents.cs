using BankCrm.Core.Consent;
using BankCrm.Data.Database;

namespace BankCrm.Integration.Tests.Consent;

/// <summary>
/// Test customers written straight into the database (or created through the API) carry no consent record, and
/// without one nobody may be profiled: worlds that test scoring, tags, segments or profiling playbooks record the
/// customer's 用户画像 consent, as the account-opening form does.
/// </summary>
public static class ProfilingConsents
{
    public static async Task GrantAsync(CrmDbContext db, IEnumerable<long> customerIds, DateTime? at = null)
    {
        var when = at ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        db.ConsentRecords.AddRange(customerIds.Select(id =>
            ConsentRecord.Grant(id, ConsentPurpose.Profiling, null, ConsentSource.Branch, when, "test", "开户时签署《个人信息处理授权书》")));
        await db.SaveChangesAsync();
    }
}
