using System.Linq.Expressions;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Tags;

namespace BankCrm.Data.Consent;

/// <summary>
/// The one filter of every profiling path (<see cref="ProfilingConsent"/> composed onto the customers): the scoring
/// run, the rule tags, segment counts, members and exports, campaign targets and the playbooks that fire on
/// profiling signals. The database evaluates it per customer with the (customer_id, purpose, recorded_at) index of
/// the consent records.
/// </summary>
public static class ProfilingScope
{
    /// <summary>The customers of <paramref name="customers"/> who may be profiled at <paramref name="now"/>.</summary>
    public static IQueryable<Customer> MayBeProfiled(this IQueryable<Customer> customers, CrmDbContext db, DateTime now) =>
        customers.Where(Predicate(db, now));

    public static Expression<Func<Customer, bool>> Predicate(CrmDbContext db, DateTime now) =>
        ExpressionParts.Compose<Customer, long>(c => c.Id, ProfilingConsent.InForce(db.ConsentRecords, now));
}
