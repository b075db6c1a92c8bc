using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>
/// <c>keys status</c> (active key id, rows per key id in every encrypted column) and <c>keys rotate</c> (new active
/// key, everything re-encrypted in batches, audited). The work is in BankCrm.Data.Protection.
/// </summary>
internal static class CliKeys
{
    private const string ActorName = "cli:keys-rotate";

    public static Command Command()
    {
        var keys = new Command("keys", "Field-encryption keys of the C2 columns (ID number, phone, account numbers).");
        keys.Subcommands.Add(StatusCommand());
        keys.Subcommands.Add(RotateCommand());
        return keys;
    }

    private static Command StatusCommand()
    {
        var command = new Command("status", "Print the active key id and how many stored values each key id encrypts.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens));
            var factory = new CrmDbContextFactory(options);
            if (!await IsMigratedAsync(factory, cancellationToken))
            {
                return 2;
            }

            var ring = options.Protector!.Ring;
            await Console.Out.WriteLineAsync($"active key: {ring.ActiveKeyId}; keys in ring: {string.Join(", ", ring.Keys.Keys)}; source: {options.Protector.KeyFile ?? "configuration (Encryption:Keys)"}");
            foreach (var usage in await KeyUsage.CountAsync(factory, cancellationToken))
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{usage.Table}.{usage.Column}\t{usage.KeyId}\t{usage.Rows}"));
            }

            return 0;
        });
        return command;
    }

    private static Command RotateCommand()
    {
        var command = new Command("rotate",
            "Make a new key active (key file) or use the configured Encryption:ActiveKeyId, and re-encrypt every value under an older key. " +
            "Stop the web app first when the keys are in a key file: it reads the file only at start.")
        { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens));
            if (!await IsMigratedAsync(new CrmDbContextFactory(options), cancellationToken))
            {
                return 2;
            }

            var started = TimeProvider.System.GetTimestamp();
            var outcome = await KeyRotation.RotateAsync(options, new Progress<string>(m => Console.Out.WriteLine(m)), cancellationToken);
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            var trail = new AuditTrail(factory, new AuditGate(), TimeProvider.System);
            await trail.RecordAsync(new AuditRecord(AuditActions.KeysRotated, "system", ActorName)
            {
                Detail = JsonSerializer.Serialize(new { previousKeyId = outcome.PreviousKeyId, activeKeyId = outcome.ActiveKeyId, newKeyCreated = outcome.NewKeyCreated, rowsReencrypted = outcome.RowsReencrypted }),
            }, cancellationToken);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"active key {outcome.ActiveKeyId} (was {outcome.PreviousKeyId}); {outcome.RowsReencrypted:N0} values re-encrypted in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s."));
            if (!outcome.NewKeyCreated)
            {
                await Console.Out.WriteLineAsync("Keys come from configuration: to rotate, add Encryption:Keys:<new id>, set Encryption:ActiveKeyId to it on every node, then run this again.");
            }

            return 0;
        });
        return command;
    }

    private static async Task<bool> IsMigratedAsync(CrmDbContextFactory factory, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await Console.Error.WriteLineAsync("The database is not at the latest migration; run `migrate` first.");
            return false;
        }

        return true;
    }
}
