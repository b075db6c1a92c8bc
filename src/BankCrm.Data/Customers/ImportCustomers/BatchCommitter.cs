using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>Saves batches of an import and adds their outcome to the totals and the error report.</summary>
internal sealed class BatchCommitter(CrmDbContextFactory factory, ImportRun run, ImportErrorReport report, BatchResult totals)
{
    /// <summary>
    /// A batch that the database refuses (a customer number taken or a customer edited by someone else meanwhile)
    /// is tried again row by row, so one conflicting row costs only itself.
    /// </summary>
    public async Task CommitAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = factory.CreateDbContext();
            var result = await new ImportBatch(run, db).RunAsync(rows, cancellationToken);
            run.Seen.Commit();
            totals.Created += result.Created;
            totals.Updated += result.Updated;
            totals.Unchanged += result.Unchanged;
            totals.Invalid += result.Invalid;
            result.Errors.ForEach(report.Add);
        }
        catch (DbUpdateException) when (rows.Count > 1)
        {
            run.Seen.Rollback();
            await using (var db = factory.CreateDbContext())
            {
                await run.Numbers.ReloadAsync(db, cancellationToken);
            }

            foreach (var row in rows)
            {
                await CommitAsync([row], cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            run.Seen.Rollback();
            totals.Invalid++;
            report.Add(new ImportRowError(rows[0].Number, string.Empty, string.Empty, "保存失败：数据库拒绝了该行（可能与他人同时进行的修改冲突），请稍后重新导入该行"));
        }
    }
}
