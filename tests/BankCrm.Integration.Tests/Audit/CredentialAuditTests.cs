using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Audit;

/// <summary>The second sign-in step, recovery codes, password changes and TOTP enrolment are audited (checklist L3).</summary>
public abstract class CredentialAuditTests(BankCrmApp app)
{
    [Fact]
    public async Task A_totp_sign_in_through_the_mfa_page_records_the_wrong_code_then_the_success()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        (await AccountForms.SubmitCodeAsync(client, AccountForms.WrongCode(key!))).Dispose();
        using var accepted = await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key!));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var entries = await app.EntriesAsync(e => e.ActorName == userName);
        Assert.Equal([AuditActions.LoginFailed, AuditActions.LoginSucceeded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains("\"channel\":\"mfa\"", e.Detail, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.NotNull(e.ActorId));
    }

    [Fact]
    public async Task A_recovery_code_sign_in_is_recorded_as_such_and_never_stores_the_code()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync(userName))!, 1))!.Single();
        }

        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        (await AccountForms.SubmitCodeAsync(client, "not-a-recovery-code")).Dispose();
        using var accepted = await AccountForms.SubmitCodeAsync(client, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var entries = await app.EntriesAsync(e => e.ActorName == userName);
        Assert.Equal([AuditActions.LoginFailed, AuditActions.LoginSucceeded], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Contains("\"channel\":\"recovery_code\"", e.Detail, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(code, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_right_password_without_the_code_on_the_token_endpoint_is_a_failed_sign_in_not_a_success()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AccountForms.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(e => e.ActorName == userName));
        Assert.Equal(AuditActions.LoginFailed, entry.Action);
        Assert.Contains("token_mfa", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_is_recorded_without_either_password()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        const string newPassword = "换一个新密码-2026-审计";

        using var changed = await AccountForms.PostAsync(client, "/account/password", new Dictionary<string, string> { ["CurrentPassword"] = AccountForms.Password, ["NewPassword"] = newPassword });

        Assert.Contains("密码已修改", await changed.TextAsync(), StringComparison.Ordinal);
        var entry = Assert.Single(await app.EntriesAsync(e => e.ActorName == userName && e.Action == AuditActions.PasswordChanged));
        Assert.NotNull(entry.ActorId);
        Assert.DoesNotContain(newPassword, entry.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountForms.Password, entry.Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totp_enrolment_is_recorded_with_the_number_of_recovery_codes_but_not_the_key()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/mfa/setup"));
        var key = System.Text.RegularExpressions.Regex.Match(page, "id=\"mfa-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

        using var enabled = await AccountForms.PostAsync(client, "/account/mfa/setup", new Dictionary<string, string> { ["CurrentPassword"] = AccountForms.Password, ["Code"] = AccountForms.Code(key) });

        Assert.Contains("动态口令已启用", await enabled.TextAsync(), StringComparison.Ordinal);
        var entry = Assert.Single(await app.EntriesAsync(e => e.ActorName == userName && e.Action == AuditActions.MfaEnabled));
        Assert.Contains("\"recoveryCodes\":10", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(key, entry.Detail ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class CredentialAuditTestsOnSqlite(SqliteApp app) : CredentialAuditTests(app), IClassFixture<SqliteApp>;

public sealed class CredentialAuditTestsOnPostgres(PostgresApp app) : CredentialAuditTests(app), IClassFixture<PostgresApp>;
