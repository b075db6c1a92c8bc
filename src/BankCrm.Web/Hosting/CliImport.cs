using System.CommandLine;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers.ImportCustomers;
using BankCrm.Data.Database;
using BankCrm.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>
/// `import customers FILE`: bulk import from CSV or Excel with a per-row error report written next to the file as
/// FILE.errors.csv. Exit code 0 when every row was imported, 2 when some rows were invalid, 1 when the file was refused.
/// </summary>
internal static class CliImport
{
    public static Command Command()
    {
        var import = new Command("import", "Import data from a file.");
        var file = new Argument<FileInfo>("file") { Description = "A .csv (UTF-8 or GBK) or .xlsx file." };
        var customers = new Command("customers", "Import customers; re-importing the same file changes nothing.") { file };
        customers.TreatUnmatchedTokensAsErrors = false;
        customers.SetAction((result, cancellationToken) =>
            ImportCustomersAsync(result.GetValue(file)!, CommandLine.Configuration(result.UnmatchedTokens), cancellationToken));
        import.Subcommands.Add(customers);
        return import;
    }

    private static async Task<int> ImportCustomersAsync(FileInfo input, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            await Console.Error.WriteLineAsync($"File not found: {input.FullName}");
            return 1;
        }

        var factory = new CrmDbContextFactory(DataModule.ReadOptions(configuration));
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // The command line acts as the system: any branch, and the change history names the file.
        var actor = new Actor("system", $"import:{input.Name}", [StaffRole.Admin], BranchId: null);
        var reportPath = input.FullName + ".errors.csv";
        var partialPath = reportPath + ".partial";
        ImportResult result;
        await using (var content = input.OpenRead())
        await using (var reportFile = File.Create(partialPath))
        using (var report = ImportErrorReport.WriteTo(reportFile))
        {
            result = await new CustomerImporter(factory, TimeProvider.System).ImportAsync(content, actor, report, new ConsoleProgress(), cancellationToken);
        }

        await new AuditTrail(factory, new AuditGate(), TimeProvider.System).RecordImportAsync(actor, input.Name, result, CancellationToken.None);

        if (result.ErrorCount > 0)
        {
            File.Move(partialPath, reportPath, overwrite: true);
        }
        else
        {
            // A report left by an earlier run of the same file would now be wrong.
            File.Delete(partialPath);
            File.Delete(reportPath);
        }

        if (result.FileError is not null)
        {
            await Console.Error.WriteLineAsync($"{input.Name}: {result.FileError}");
        }

        if (result.Rows > 0 || result.FileError is null)
        {
            await Console.Out.WriteLineAsync(result.Summary);
            await Console.Error.WriteLineAsync($"Finished in {result.Elapsed.TotalSeconds:N1} s.");
        }

        if (result.ErrorCount > 0)
        {
            await Console.Out.WriteLineAsync($"Errors: {reportPath}");
        }

        return result.FileError is not null ? 1 : result.Invalid > 0 ? 2 : 0;
    }

    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            Console.Error.WriteLine(value.EstimatedTotal is { } total ? $"  {value.RowsProcessed:N0} / ~{total:N0} rows" : $"  {value.RowsProcessed:N0} rows");
    }
}
