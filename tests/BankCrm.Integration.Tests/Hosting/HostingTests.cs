using System.Net;
using System.Text.Json;
using BankCrm.Data.Organization;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Hosting;

public abstract class HostingTests(BankCrmApp app)
{
    [Fact]
    public async Task Health_answers_200_without_login()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_without_login_redirects_to_the_login_page()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/customers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fcustomers", response.LocationPath());
    }

    [Fact]
    public async Task The_api_without_login_answers_401_not_a_redirect()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/v1/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Startup_migrated_the_database_and_created_every_demo_login()
    {
        await using var db = app.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var userNames = await db.Users.Select(u => u.UserName).ToListAsync();
        Assert.All(DemoStaff.Logins, login => Assert.Contains(login.UserName, userNames));
        Assert.True(await db.Branches.AnyAsync(b => b.Id == DemoStaff.HomeBranchId));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_customer_endpoints()
    {
        using var client = await app.ClientForAsync("rm1");

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/v1/customers", "/api/v1/customers/{id}", "/api/v1/customers/{id}/360", "/api/v1/customers/{id}/transactions",
            "/api/v1/customers/{id}/balance-trend", "/api/v1/customers/{id}/changes", "/api/v1/auth/token",
        ];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document"));
        Assert.True(paths.GetProperty("/api/v1/customers").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/customers/{id}").TryGetProperty("put", out _));
    }
}

public sealed class HostingTestsOnSqlite(SqliteApp app) : HostingTests(app), IClassFixture<SqliteApp>;

public sealed class HostingTestsOnPostgres(PostgresApp app) : HostingTests(app), IClassFixture<PostgresApp>;
