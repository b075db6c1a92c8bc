using System.CommandLine;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The verbs of the one BankCrm program. Without a verb (or with options such as --urls) it serves the web app.
/// </summary>
internal static class CommandLine
{
    private static readonly HashSet<string> Verbs = ["serve", "migrate", "seed", "import", "backup", "restore", "audit", "model", "score", "tags", "keys", "playbooks", "staff"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return await AppHost.ServeAsync(args);
        }

        var root = new RootCommand("BankCrm — customer relationship management for banks");
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(SeedCommand());
        root.Subcommands.Add(CliImport.Command());
        root.Subcommands.Add(CliBackup.BackupCommand());
        root.Subcommands.Add(CliBackup.RestoreCommand());
        root.Subcommands.Add(CliAudit.Command());
        root.Subcommands.Add(CliModel.Command());
        root.Subcommands.Add(CliScore.Command());
        root.Subcommands.Add(CliTags.Command());
        root.Subcommands.Add(CliKeys.Command());
        root.Subcommands.Add(CliPlaybooks.Command());
        root.Subcommands.Add(CliStaff.Command());
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>The same configuration sources the web host reads: appsettings, environment, --Key=Value.</summary>
    public static IConfiguration Configuration(IEnumerable<string> unmatched)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. unmatched])
            .Build();
    }

    private static Command ServeCommand()
    {
        var command = new Command("serve", "Run the web application (the default).") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, _) => AppHost.ServeAsync([.. result.UnmatchedTokens]));
        return command;
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Create or upgrade the database schema.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(Configuration(result.UnmatchedTokens)));
            await using var db = factory.CreateDbContext();
            await db.Database.MigrateAsync(cancellationToken);
            await Console.Out.WriteLineAsync($"Database ({factory.Options.Provider}) is at the latest migration.");
            var encrypted = await Data.Protection.ProtectedColumnSweep.EncryptPlaintextAsync(factory, new Progress<string>(m => Console.Out.WriteLine(m)), cancellationToken);
            await Console.Out.WriteLineAsync($"{encrypted:N0} values left in plaintext were encrypted.");
            return 0;
        });
        return command;
    }

    private static Command SeedCommand()
    {
        var customers = new Option<int>("--customers") { Description = "Number of customers to generate.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same bank.", DefaultValueFactory = _ => DemoBankOptions.DefaultSeed };
        var command = new Command("seed", "Fill an empty database with a generated demo bank.") { customers, seed };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(Configuration(result.UnmatchedTokens)));
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (await db.Customers.AnyAsync(cancellationToken))
                {
                    await Console.Error.WriteLineAsync("The database already holds customers; seed only fills an empty database.");
                    return 2;
                }
            }

            var options = new DemoBankOptions { Customers = result.GetValue(customers), Seed = result.GetValue(seed) };
            var started = TimeProvider.System.GetTimestamp();
            await DemoBankSeeder.SeedAsync(factory, options, TimeProvider.System, new Progress<string>(m => Console.Out.WriteLine(m)), cancellationToken);
            await Console.Out.WriteLineAsync($"Seeded {options.Customers:N0} customers in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s.");
            return 0;
        });
        return command;
    }
}
