using System.Net;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Headers, server-side logout and the password policy (checklist D7, S3, A2–A5).</summary>
public abstract class SessionHardeningTests(BankCrmApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/v1/customers")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Permissions-Policy"));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_response()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/account/login");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Matches("^[0-9A-F]{32}$", nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();

        using var posted = await AccountForms.SignInAsync(client, userName);

        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bankcrm.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_replayed_after_logout_is_sent_to_the_login_page()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        using var posted = await AccountForms.SignInAsync(client, userName);
        var cookie = posted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bankcrm.auth=", StringComparison.Ordinal)).Split(';')[0];
        using (var before = await ReplayAsync(cookie))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await client.PostAsync("/account/logout", null)).Dispose();

        using var after = await ReplayAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.LocationPath(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("Aa123456")]
    [InlineData("woaini1314")]
    [InlineData("qwertyuiop")]
    [InlineData("BankCrm2026")]
    [InlineData("password")]
    public async Task A_common_password_is_refused(string password)
    {
        var html = await ChangePasswordAsync(password, expectChanged: false);

        Assert.Contains("密码过于常见", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seven_character_password_is_refused()
    {
        var html = await ChangePasswordAsync("k7#Lq2x", expectChanged: false);

        Assert.Contains("密码至少 8 位", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_129_character_password_is_refused()
    {
        var html = await ChangePasswordAsync(new string('长', 129), expectChanged: false);

        Assert.Contains("密码最长 128 位", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_64_character_password_without_composition_rules_is_accepted_and_signs_in()
    {
        var password = string.Concat(Enumerable.Repeat("correct horse battery staple 我的密码是银行客户经理 ", 3))[..64];
        Assert.Equal(64, password.Length);
        var userName = await ChangePasswordAndReturnUserAsync(password);

        using var client = app.CreateAnonymousClient();
        using var signedIn = await AccountForms.SignInAsync(client, userName, password);
        Assert.Equal("/", signedIn.LocationPath());
    }

    [Fact]
    public async Task The_password_page_needs_the_current_password()
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        using var posted = await AccountForms.PostAsync(client, "/account/password", new Dictionary<string, string> { ["CurrentPassword"] = "Wrong@12345", ["NewPassword"] = "a fine new passphrase" });

        Assert.Contains("当前密码不正确", await posted.TextAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        // A client with no cookie jar of its own: it sends exactly the copied cookie.
        var client = app.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        client.Dispose();
        return response;
    }

    private async Task<string> ChangePasswordAsync(string newPassword, bool expectChanged)
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        using var posted = await AccountForms.PostAsync(client, "/account/password", new Dictionary<string, string> { ["CurrentPassword"] = AccountForms.Password, ["NewPassword"] = newPassword });
        var html = await posted.TextAsync();
        Assert.Equal(expectChanged, html.Contains("密码已修改", StringComparison.Ordinal));
        return html;
    }

    private async Task<string> ChangePasswordAndReturnUserAsync(string newPassword)
    {
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        using var posted = await AccountForms.PostAsync(client, "/account/password", new Dictionary<string, string> { ["CurrentPassword"] = AccountForms.Password, ["NewPassword"] = newPassword });
        Assert.Contains("密码已修改", await posted.TextAsync(), StringComparison.Ordinal);
        return userName;
    }
}

public sealed class SessionHardeningTestsOnSqlite(SqliteApp app) : SessionHardeningTests(app), IClassFixture<SqliteApp>;

public sealed class SessionHardeningTestsOnPostgres(PostgresApp app) : SessionHardeningTests(app), IClassFixture<PostgresApp>;
