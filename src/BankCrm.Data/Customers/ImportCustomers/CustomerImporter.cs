using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// Bulk import of customers from CSV (UTF-8 or GBK) or .xlsx. The file is read forward once; rows are checked
/// with the form's rules and committed <see cref="BatchSize"/> at a time, so an invalid row is reported and
/// skipped without losing the others. Re-importing the same file changes nothing.
/// </summary>
public sealed class CustomerImporter(CrmDbContextFactory factory, TimeProvider time)
{
    public const int BatchSize = 1_000;

    /// <summary>Imports <paramref name="content"/>; a stream that cannot seek is first copied to a temporary file.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, Actor actor, ImportErrorReport report, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var totals = new BatchResult();
        string? fileError = null;
        FileStream? copy = null;
        try
        {
            CheckPermission(actor);
            if (!content.CanSeek)
            {
                copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(copy, cancellationToken);
            }

            using var source = ImportFileSniffer.Open(copy ?? content);
            await ImportRowsAsync(source, actor, report, totals, progress, cancellationToken);
        }
        catch (ImportFileException e)
        {
            fileError = e.Message;
        }
        finally
        {
            report.Flush();
            if (copy is not null)
            {
                await copy.DisposeAsync();
            }
        }

        return new ImportResult
        {
            Created = totals.Created, Updated = totals.Updated, Unchanged = totals.Unchanged, Invalid = totals.Invalid,
            ErrorCount = report.Count, FirstErrors = [.. report.First], FileError = fileError, Elapsed = time.GetElapsedTime(started),
        };
    }

    private static void CheckPermission(Actor actor)
    {
        if (actor.IsInRole(StaffRole.Admin) || (actor.IsInRole(StaffRole.BranchManager) && actor.BranchId is not null))
        {
            return;
        }

        throw new ImportFileException(actor.IsInRole(StaffRole.BranchManager) ? "当前用户未分配机构，不能导入客户。" : "只有管理员或支行行长可以导入客户。");
    }

    private async Task ImportRowsAsync(IImportRowSource source, Actor actor, ImportErrorReport report, BatchResult totals, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var rows = new RowReader(source);
        var header = HeaderMap.Parse(rows.NextNonBlank()?.Cells.Select(CellText.From).ToList() ?? throw new ImportFileException("文件为空。"));
        ImportRun run;
        await using (var db = factory.CreateDbContext())
        {
            run = new ImportRun(actor, header, await ImportDirectory.LoadAsync(db, cancellationToken), await NumberAllocator.CreateAsync(db, cancellationToken), ChinaTime.Today(time), time.GetUtcNow().UtcDateTime);
        }

        var committer = new BatchCommitter(factory, run, report, totals);
        var batch = new List<ImportRow>(BatchSize);
        var processed = 0;
        async Task FlushAsync()
        {
            await committer.CommitAsync(batch, cancellationToken);
            processed += batch.Count;
            batch.Clear();
            progress?.Report(new ImportProgress(processed, source.EstimatedRows));
        }

        ImportFileException? broken = null;
        while (true)
        {
            SourceRow? row;
            try
            {
                row = rows.NextNonBlank();
            }
            catch (ImportFileException e)
            {
                (broken, row) = (e, null);
            }

            if (row is null)
            {
                break;
            }

            batch.Add(RowMapper.Map(row, header));
            if (batch.Count == BatchSize)
            {
                await FlushAsync();
            }
        }

        if (batch.Count > 0)
        {
            await FlushAsync();
        }

        if (broken is not null)
        {
            throw broken;
        }

        if (processed == 0)
        {
            throw new ImportFileException("文件只有表头，没有数据行。");
        }
    }
}
