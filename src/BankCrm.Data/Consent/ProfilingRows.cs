using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Consent;

/// <summary>
/// What profiling stored about customers: the scores of every run (with the churn probability and its reasons), the
/// needs and the rule tags. Segments are not stored (their members are counted when asked). Manual tags are staff
/// decisions about the customer, not profiling, and stay. Runs inside the caller's transaction.
/// </summary>
internal static class ProfilingRows
{
    public static async Task<Dictionary<string, int>> DeleteAsync(CrmDbContext db, IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["scores"] = await db.CustomerScores.Where(s => customerIds.Contains(s.CustomerId)).ExecuteDeleteAsync(cancellationToken),
            ["needs"] = await db.CustomerNeeds.Where(n => customerIds.Contains(n.CustomerId)).ExecuteDeleteAsync(cancellationToken),
        };

        var tags = db.CustomerTags.Where(t => t.Source == TagSource.Rule && customerIds.Contains(t.CustomerId));
        var tagIds = await tags.Select(t => t.TagId).Distinct().ToListAsync(cancellationToken);
        counts["ruleTags"] = await tags.ExecuteDeleteAsync(cancellationToken);
        if (tagIds.Count > 0)
        {
            await db.TagDefinitions.Where(d => tagIds.Contains(d.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.CustomerCount, d => db.CustomerTags.Count(t => t.TagId == d.Id)), cancellationToken);
        }

        return counts;
    }
}
