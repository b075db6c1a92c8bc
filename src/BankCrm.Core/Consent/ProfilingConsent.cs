using System.Linq.Expressions;

namespace BankCrm.Core.Consent;

/// <summary>
/// Who may be profiled (用户画像: scores, needs, churn, rule tags, segments and what fires on them): a customer whose
/// latest profiling record at the moment is a grant. PIPL Art. 13–14 and 24 and seed 003 (授权同意): profiling rests
/// on the customer's consent, so no record means no profiling, and a withdrawal stops it from its own time on.
/// The rule is written once, as a query over the consent records that the database runs for every customer of a
/// profiling path (Data's <c>ProfilingScope</c>); <see cref="ConsentPolicy.MayProfile"/> asks the same question
/// of one customer's records in memory, and a test holds the two to the same answers.
/// </summary>
public static class ProfilingConsent
{
    /// <summary>customerId => the customer may be profiled at <paramref name="now"/>, over <paramref name="records"/>.</summary>
    public static Expression<Func<long, bool>> InForce(IQueryable<ConsentRecord> records, DateTime now) => customerId =>
        records
            .Where(r => r.CustomerId == customerId && r.Purpose == ConsentPurpose.Profiling && r.Channel == null && r.RecordedAt <= now)
            .OrderByDescending(r => r.RecordedAt)
            .ThenByDescending(r => r.Id)
            .Select(r => r.Granted)
            .FirstOrDefault();
}
