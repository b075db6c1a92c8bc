using System.CommandLine;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary><c>bankcrm audit verify</c>: walks the audit hash chain; exit 0 when intact, 1 at the first broken entry.</summary>
internal static class CliAudit
{
    public static Command Command()
    {
        var verify = new Command("verify", "Check the audit log's hash chain from the first entry to the last.") { TreatUnmatchedTokensAsErrors = false };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            await using (var db = factory.CreateDbContext())
            {
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    await Console.Error.WriteLineAsync("The database is not at the latest migration; run `migrate` first.");
                    return 2;
                }
            }

            var trail = new AuditTrail(factory, new AuditGate(), TimeProvider.System);
            var outcome = await AuditRun.VerifyAsync(new AuditVerifier(factory), trail, AuditRun.CommandLineActor, progress: null, cancellationToken);
            var line = AuditRun.Describe(outcome);
            if (outcome.Intact)
            {
                await Console.Out.WriteLineAsync(line);
                return 0;
            }

            await Console.Error.WriteLineAsync(line);
            return 1;
        });

        var audit = new Command("audit", "Audit log tools.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
