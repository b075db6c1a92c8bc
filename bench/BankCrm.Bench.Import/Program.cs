using System.Diagnostics;
using BankCrm.Bench.Import;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers.ImportCustomers;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// Times the customer import on a fresh database: the first run creates every customer, the second run of the
// same file must change nothing; then the same rows as an .xlsx workbook on SQLite. Usage: BankCrm.Bench.Import [rows] ; PostgreSQL runs too when
// BANKCRM_BENCH_POSTGRES holds a connection string (its database is created and dropped).
var rows = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var folder = Directory.CreateTempSubdirectory("bankcrm-import-bench").FullName;
try
{
    var file = Path.Combine(folder, "customers.csv");
    ImportFileGenerator.Write(file, rows);
    Console.WriteLine($"{rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB CSV, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

    var sqlite = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")};Pooling=False" };
    await RunAsync("SQLite", sqlite, file);
    if (Environment.GetEnvironmentVariable("BANKCRM_BENCH_POSTGRES") is { Length: > 0 } postgres)
    {
        await RunAsync("PostgreSQL", new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres }, file);
    }

    var workbook = Path.Combine(folder, "customers.xlsx");
    ImportFileGenerator.WriteXlsx(file, workbook);
    Console.WriteLine($"The same rows as .xlsx: {new FileInfo(workbook).Length / 1024.0 / 1024.0:N1} MB");
    await RunAsync("SQLite", sqlite, workbook);
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task RunAsync(string name, DatabaseOptions options, string file)
{
    var factory = new CrmDbContextFactory(options);
    await PrepareAsync(factory);
    try
    {
        var importer = new CustomerImporter(factory, TimeProvider.System);
        var actor = new Actor("system", "import:bench", [StaffRole.Admin], BranchId: null);
        foreach (var run in (string[])["first run", "second run"])
        {
            await using var content = File.OpenRead(file);
            using var report = ImportErrorReport.InMemory();
            var result = await importer.ImportAsync(content, actor, report);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
            Console.WriteLine($"{name,-10} {run,-10} {result.Elapsed.TotalSeconds,6:N1} s  {result.Rows / result.Elapsed.TotalSeconds,7:N0} rows/s  {result.Summary}{(result.FileError is null ? string.Empty : " " + result.FileError)}  (peak working set {peak:N0} MB)");
        }
    }
    finally
    {
        // Pooled connections would keep the benchmark database open and make the drop fail.
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var db = factory.CreateDbContext();
        await db.Database.EnsureDeletedAsync();
    }
}

static async Task PrepareAsync(CrmDbContextFactory factory)
{
    await using var db = factory.CreateDbContext();
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
    db.Branches.Add(new Branch { Id = 1, Code = "SH001", Name = "上海陆家嘴支行", Province = "上海市", City = "上海市" });
    await db.SaveChangesAsync();
    await StaffWriter.EnsureRolesAsync(db, CancellationToken.None);
    StaffWriter.Add(db, "rm1", "李明", StaffRole.RelationshipManager, 1, password: null);
    await db.SaveChangesAsync();
}

