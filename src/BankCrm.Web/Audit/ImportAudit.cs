using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers.ImportCustomers;

namespace BankCrm.Web.Audit;

/// <summary>One entry per import run with its counts; the rows themselves are in each customer's change history.</summary>
public static class ImportAudit
{
    public static Task RecordImportAsync(this AuditTrail trail, Actor actor, string fileName, ImportResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = AuditDetail.Of(new
        {
            file = fileName,
            rows = result.Rows,
            created = result.Created,
            updated = result.Updated,
            unchanged = result.Unchanged,
            invalid = result.Invalid,
            fileError = result.FileError,
        });
        return trail.RecordAsync(AuditRecord.By(actor, AuditActions.CustomersImported) with { Detail = detail }, cancellationToken);
    }
}
