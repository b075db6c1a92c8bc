using System.Net;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Audit;

/// <summary>The auditor page and its menu entry exist only for auditors and administrators.</summary>
public abstract class AuditPageTests(BankCrmApp app)
{
    [Theory]
    [InlineData("auditor1")]
    [InlineData("admin")]
    public async Task Auditors_and_admins_open_the_audit_page_and_see_it_in_the_menu(string userName)
    {
        using var client = app.CreateAnonymousClient();
        (await AuditClient.PostLoginFormAsync(client, userName, DemoStaff.Password)).Dispose();

        using var page = await client.GetAsync("/audit");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        using var home = await client.GetAsync("/");
        var homeHtml = await home.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("校验审计链", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", homeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rm_neither_opens_the_audit_page_nor_sees_it_in_the_menu()
    {
        using var client = app.CreateAnonymousClient();
        (await AuditClient.PostLoginFormAsync(client, "rm1", DemoStaff.Password)).Dispose();

        using var page = await client.GetAsync("/audit");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        using var home = await client.GetAsync("/");
        var homeHtml = await home.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.LocationPath(), StringComparison.Ordinal);
        Assert.DoesNotContain("校验审计链", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/audit\"", homeHtml, StringComparison.Ordinal);
    }
}

public sealed class AuditPageTestsOnSqlite(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;
