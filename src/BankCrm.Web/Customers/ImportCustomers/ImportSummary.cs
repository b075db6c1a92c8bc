using BankCrm.Data.Customers.ImportCustomers;

namespace BankCrm.Web.Customers.ImportCustomers;

/// <summary>
/// What POST /api/v1/customers/import returns: the counts, the first 100 errors and, when there are errors,
/// the address of the full report (CSV).
/// </summary>
public sealed record ImportSummary(
    int Rows,
    int Created,
    int Updated,
    int Unchanged,
    int Invalid,
    int ErrorCount,
    IReadOnlyList<ImportRowError> Errors,
    string? ReportUrl,
    string? FileError,
    long ElapsedMilliseconds)
{
    public static ImportSummary From(ImportResult result, string? reportUrl) => new(
        result.Rows, result.Created, result.Updated, result.Unchanged, result.Invalid, result.ErrorCount, result.FirstErrors,
        reportUrl, result.FileError, (long)result.Elapsed.TotalMilliseconds);
}
