using BankCrm.Core.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Audit;

/// <summary>Walks the whole audit log in id order, one page at a time (never all of it in memory), and checks the chain.</summary>
public sealed class AuditVerifier(CrmDbContextFactory factory)
{
    public const int PageSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var cursor = new AuditChainCursor();
        long after = long.MinValue;
        long checkedCount = 0;
        while (true)
        {
            List<AuditEntry> page;
            await using (var db = factory.CreateDbContext())
            {
                // Keyset paging: a page starts after the last id seen, so gaps and reorderings stay visible to the cursor.
                page = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(PageSize).ToListAsync(cancellationToken);
            }

            foreach (var entry in page)
            {
                if (cursor.Next(entry) is { } broken)
                {
                    return broken;
                }
            }

            checkedCount += page.Count;
            progress?.Report(checkedCount);
            if (page.Count < PageSize)
            {
                return cursor.Result();
            }

            after = page[^1].Id;
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<AuditEntry>().LongCountAsync(cancellationToken);
    }
}
