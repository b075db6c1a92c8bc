using System.CommandLine;
using BankCrm.Data.Backup;
using BankCrm.Data.Database;

namespace BankCrm.Web.Hosting;

/// <summary>The verbs backup FILE and restore FILE [--force]; the work is in BankCrm.Data.Backup.</summary>
internal static class CliBackup
{
    public static Command BackupCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The backup file to write (a zip with manifest.json and the database)." };
        var command = new Command("backup", "Back up the configured database into one file with a manifest (row counts, SHA-256).") { file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => RunAsync(async () =>
        {
            var options = DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens));
            var manifest = await DatabaseBackup.BackupAsync(options, result.GetValue(file)!.FullName, TimeProvider.System, cancellationToken);
            await Console.Out.WriteLineAsync($"Backed up {options.Provider} at {manifest.SchemaMigration}: {manifest.RowCounts.Count} tables, " +
                $"{manifest.RowCounts.Values.Sum():N0} rows, {manifest.DatabaseBytes:N0} bytes, SHA-256 {manifest.Sha256}." +
                (manifest.AuditChain is { } head ? $" Audit chain: {head.Entries:N0} entries, last #{head.LastId} {head.LastHash}." : string.Empty));
        }));
        return command;
    }

    public static Command RestoreCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A file written by backup." };
        var force = new Option<bool>("--force") { Description = "Overwrite a database that already holds data." };
        var command = new Command("restore", "Verify a backup, restore it into the configured database and recount every table.") { file, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => RunAsync(async () =>
        {
            var options = DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens));
            var manifest = await DatabaseBackup.RestoreAsync(options, result.GetValue(file)!.FullName, result.GetValue(force), cancellationToken);
            await Console.Out.WriteLineAsync($"Restored {options.Provider} to the backup of {manifest.CreatedAt:u} ({manifest.SchemaMigration}); " +
                $"all {manifest.RowCounts.Count} tables hold the {manifest.RowCounts.Values.Sum():N0} rows the manifest lists" +
                (manifest.AuditChain is { } head ? $", and the audit chain ends at #{head.LastId} {head.LastHash} as recorded." : "."));
        }));
        return command;
    }

    private static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (BackupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A missing folder or a full disk: the message names the path, a stack trace would not help.
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
