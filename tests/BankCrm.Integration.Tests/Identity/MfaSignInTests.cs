using System.Net;
using System.Net.Http.Json;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Password then TOTP (checklist A7, A9, A10), through the login pages.</summary>
public abstract class MfaSignInTests(BankCrmApp app)
{
    [Fact]
    public async Task A_user_with_totp_gets_no_session_until_the_code_is_entered()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();

        using var password = await AccountForms.SignInAsync(client, userName);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/mfa", password.LocationPath(), StringComparison.Ordinal);
        Assert.False(password.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bankcrm.auth=", StringComparison.Ordinal)));
        using (var home = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith("/account/login", home.LocationPath(), StringComparison.Ordinal);
        }

        using var code = await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key!));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.LocationPath());
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_same_totp_code_cannot_be_used_twice()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var code = AccountForms.Code(key!);
        using (var first = app.CreateAnonymousClient())
        {
            (await AccountForms.SignInAsync(first, userName)).Dispose();
            using var accepted = await AccountForms.SubmitCodeAsync(first, code);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var second = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(second, userName)).Dispose();
        using var replayed = await AccountForms.SubmitCodeAsync(second, code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("动态口令错误或已使用过", await replayed.TextAsync(), StringComparison.Ordinal);
        using var home = await second.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_code_two_steps_ahead_is_refused()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        // Identity's own provider would accept it (±2 steps); BankCrm accepts ±1 only.
        using var posted = await AccountForms.SubmitCodeAsync(client, AccountForms.Code(key!, stepsAhead: 3));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("动态口令错误", await posted.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_even_for_the_right_password()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        string last = string.Empty;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await AccountForms.SubmitCodeAsync(client, AccountForms.WrongCode(key!));
            last = await wrong.TextAsync();
        }

        Assert.Contains("账户已锁定", last, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            Assert.True(user.LockoutEnd > TimeProvider.System.GetUtcNow().AddMinutes(10));
        }

        using var again = app.CreateAnonymousClient();
        using var password = await AccountForms.SignInAsync(again, userName);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("账户已锁定", await password.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_on_the_setup_page_needs_the_password_and_a_code_and_shows_ten_recovery_codes()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        using (var signedIn = await AccountForms.SignInAsync(client, userName))
        {
            Assert.Equal("/", signedIn.LocationPath());
        }

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/account/mfa/setup"));
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(page, "id=\"mfa-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);

        using (var wrongPassword = await AccountForms.PostAsync(client, "/account/mfa/setup", new Dictionary<string, string> { ["CurrentPassword"] = "Wrong@12345", ["Code"] = AccountForms.Code(key) }))
        {
            Assert.Contains("当前密码不正确", await wrongPassword.TextAsync(), StringComparison.Ordinal);
        }

        using var enabled = await AccountForms.PostAsync(client, "/account/mfa/setup", new Dictionary<string, string> { ["CurrentPassword"] = AccountForms.Password, ["Code"] = AccountForms.Code(key) });

        var html = await enabled.TextAsync();
        Assert.Contains("动态口令已启用", html, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(html, "<li><code>").Count);
        using var next = app.CreateAnonymousClient();
        using var login = await AccountForms.SignInAsync(next, userName);
        Assert.StartsWith("/account/login/mfa", login.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_endpoint_asks_staff_with_totp_for_the_code()
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        using var client = app.CreateAnonymousClient();

        using var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AccountForms.Password });
        using var withCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(key!) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("需要动态口令", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Demo_logins_without_totp_still_sign_in_with_the_password_alone()
    {
        using var client = app.CreateAnonymousClient();

        using var posted = await AccountForms.SignInAsync(client, "rm1");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.LocationPath());
    }
}

public sealed class MfaSignInTestsOnSqlite(SqliteApp app) : MfaSignInTests(app), IClassFixture<SqliteApp>;

public sealed class MfaSignInTestsOnPostgres(PostgresApp app) : MfaSignInTests(app), IClassFixture<PostgresApp>;
