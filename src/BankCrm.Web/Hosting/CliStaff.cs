using System.CommandLine;
using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>
/// <c>staff add-admin --user NAME --password-file FILE</c>: the first administrator of an install without the demo bank,
/// who then creates everyone else on /admin/staff. The password is read from a file (or /dev/stdin) so it never
/// appears in the process list or the shell history. With <c>Security:RequireMfa=true</c> (production) the account
/// must enrol a second factor at its first sign-in.
/// </summary>
internal static class CliStaff
{
    private const string ActorName = "cli:staff-add-admin";
    private const int MinimumLength = 12;

    public static Command Command()
    {
        var staff = new Command("staff", "Staff accounts that must exist before anyone can sign in.");
        staff.Subcommands.Add(AddAdminCommand());
        return staff;
    }

    private static Command AddAdminCommand()
    {
        var user = new Option<string>("--user") { Description = "User name of the new administrator.", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the app (default: the user name)." };
        var passwordFile = new Option<FileInfo>("--password-file") { Description = "File whose first line is the password (/dev/stdin to pipe it).", Required = true };
        var command = new Command("add-admin", "Create an administrator account.") { user, displayName, passwordFile };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var userName = result.GetValue(user)!.Trim();
            var password = (await File.ReadAllLinesAsync(result.GetValue(passwordFile)!.FullName, cancellationToken)).FirstOrDefault() ?? string.Empty;
            if (Problem(userName, password) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            await using var db = factory.CreateDbContext();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await Console.Error.WriteLineAsync("The database is not at the latest migration; run `migrate` first.");
                return 2;
            }

            var normalized = userName.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"--user: a member of staff named '{userName}' already exists; nothing was changed.");
                return 2;
            }

            await StaffWriter.EnsureRolesAsync(db, cancellationToken);
            var created = StaffWriter.Add(db, userName, result.GetValue(displayName) ?? userName, StaffRole.Admin, branchId: null, password);
            await db.SaveChangesAsync(cancellationToken);
            await new AuditTrail(factory, new AuditGate(), TimeProvider.System).RecordAsync(
                new AuditRecord(AuditActions.PermissionChanged, "system", ActorName) { Detail = $"{created.UserName}: (none) → {StaffRole.Admin}" }, cancellationToken);
            await Console.Out.WriteLineAsync($"Administrator '{userName}' created; sign in and enrol an authenticator app (动态口令) before anything else.");
            return 0;
        });
        return command;
    }

    /// <summary>The rule that failed, naming the option, or null.</summary>
    internal static string? Problem(string userName, string password)
    {
        if (userName.Length is 0 or > 64 || userName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "--user: 1 to 64 characters, no spaces.";
        }

        if (password.Length < MinimumLength || password.Length > CommonPasswordValidator.MaximumLength)
        {
            return $"--password-file: the password must be {MinimumLength} to {CommonPasswordValidator.MaximumLength} characters.";
        }

        return password.Contains(userName, StringComparison.OrdinalIgnoreCase) ? "--password-file: the password must not contain the user name." : null;
    }
}
