using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers.ImportCustomers;
using BankCrm.Web.Audit;

namespace BankCrm.Web.Customers.ImportCustomers;

/// <summary>Runs an import for the web (page and API) with its error report kept in the <see cref="ImportReportStore"/>.</summary>
public sealed class CustomerImportRunner(CustomerImporter importer, ImportReportStore reports, AuditTrail audit)
{
    public async Task<ImportSummary> RunAsync(Stream content, Actor actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (id, file) = reports.Create(actor.UserId);
        ImportResult result;
        await using (file)
        {
            using var report = ImportErrorReport.WriteTo(file);
            result = await importer.ImportAsync(content, actor, report, progress, cancellationToken);
        }

        // Not cancellable: rows already imported must not go unrecorded because the user left the page.
        await audit.RecordImportAsync(actor, "upload", result, CancellationToken.None);

        if (result.ErrorCount == 0)
        {
            reports.Discard(id);
            return ImportSummary.From(result, reportUrl: null);
        }

        return ImportSummary.From(result, ImportReportStore.DownloadUrl(id));
    }
}
