using BankCrm.Core.Organization;
using BankCrm.Data.Customers.ImportCustomers;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.Customers.ImportCustomers;

/// <summary>Runs the importer on bytes against an <see cref="ImportTestDatabase"/> with a fixed clock.</summary>
internal static class ImportHarness
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public static async Task<ImportResult> ImportAsync(this ImportTestDatabase database, byte[] content, Actor? actor = null, IProgress<ImportProgress>? progress = null)
    {
        using var report = ImportErrorReport.InMemory();
        using var stream = new MemoryStream(content);
        return await new CustomerImporter(database.Factory, Clock).ImportAsync(stream, actor ?? ImportFiles.Admin, report, progress);
    }
}
