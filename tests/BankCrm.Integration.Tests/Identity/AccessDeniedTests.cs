using System.Net;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>
/// A signed-in user refused a page is redirected (302) to /account/denied, which answers 403 with a Chinese page;
/// the API answers 403 itself. Each refusal is audited once, as access.denied with the path (checklist L4).
/// </summary>
public abstract class AccessDeniedTests(BankCrmApp app)
{
    [Fact]
    public async Task A_teller_opening_the_audit_page_is_sent_to_the_denied_page_and_the_refusal_is_audited()
    {
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsync(client, "teller1")).Dispose();
        var before = (await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "teller1")).Count;

        using var refused = await client.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.LocationPath(), StringComparison.Ordinal);
        using var page = await client.GetAsync(refused.LocationPath());
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.TextAsync();
        Assert.Contains("您没有权限访问此页面", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        var entries = await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "teller1");
        Assert.Equal(before + 1, entries.Count);
        Assert.Contains("\"path\":\"/audit\"", entries[^1].Detail, StringComparison.Ordinal);
        Assert.NotNull(entries[^1].ActorId);
    }

    [Fact]
    public async Task A_teller_calling_the_audit_api_gets_403_and_the_refusal_is_audited()
    {
        using var teller = await app.ClientForAsync("teller1");
        var before = (await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "teller1")).Count;

        using var response = await teller.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entries = await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "teller1");
        Assert.Equal(before + 1, entries.Count);
        Assert.Contains("\"path\":\"/api/v1/audit\"", entries[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_denied_page_opened_without_a_session_shows_the_message_and_records_nothing()
    {
        using var client = app.CreateAnonymousClient();
        var before = (await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied)).Count;

        using var page = await client.GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("您没有权限访问此页面", await page.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await app.EntriesAsync(e => e.Action == AuditActions.AccessDenied)).Count);
    }
}

public sealed class AccessDeniedTestsOnSqlite(SqliteApp app) : AccessDeniedTests(app), IClassFixture<SqliteApp>;

public sealed class AccessDeniedTestsOnPostgres(PostgresApp app) : AccessDeniedTests(app), IClassFixture<PostgresApp>;
