using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Integration.Tests.Security;

/// <summary>
/// Asset details (C2) only within 15 minutes of a TOTP step-up with a purpose, which the audit entry records; after the
/// window the same token or session is refused again (the window on a fake clock).
/// </summary>
public abstract class AssetStepUpTests(BankCrmApp app)
{
    [Theory]
    [InlineData("/360")]
    [InlineData("/transactions")]
    [InlineData("/balance-trend")]
    public async Task Asset_details_need_a_token_issued_with_a_code_and_a_purpose(string part)
    {
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var customerId = await AnyCustomerIdAsync();

        using var plain = await app.ClientWithNewTokenAsync(new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(key!) });
        using (var refused = await plain.GetAsync($"/api/v1/customers/{customerId}{part}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("需要二次验证", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The basic profile is not an asset detail: the same token reads it.
        using (var profile = await plain.GetAsync($"/api/v1/customers/{customerId}"))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        using var steppedUp = await app.ClientWithNewTokenAsync(new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(key!, stepsAhead: 1), purpose = "贷后检查" });
        using var allowed = await steppedUp.GetAsync($"/api/v1/customers/{customerId}{part}");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customerId && e.ActorName == userName && e.Action == AuditActions.CustomerViewedSensitive));
        Assert.Equal("贷后检查", entry.Purpose);
    }

    [Fact]
    public async Task A_purpose_without_a_code_is_no_step_up()
    {
        var customerId = await AnyCustomerIdAsync();
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        using var client = await app.ClientWithNewTokenAsync(new { userName, password = DemoStaff.Password, purpose = "客户服务" });

        using var refused = await client.GetAsync($"/api/v1/customers/{customerId}/360");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_step_up_token_stops_unlocking_asset_details_fifteen_minutes_after_the_code()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var customerId = await AnyCustomerIdAsync();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var issued = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AccountForms.Password, twoFactorCode = AccountForms.CodeAt(key!, clock.GetUtcNow()), purpose = "贷后检查" }))
        {
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // The step-up time is kept in whole seconds: 14:59 is inside the window, 15:01 outside it.
        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        using (var inWindow = await client.GetAsync($"/api/v1/customers/{customerId}/360"))
        {
            Assert.Equal(HttpStatusCode.OK, inWindow.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using var expired = await client.GetAsync($"/api/v1/customers/{customerId}/360");

        await AssertStepUpRequiredAsync(expired);

        // The token itself is still valid (1 hour): the same token reads the basic profile.
        using var profile = await client.GetAsync($"/api/v1/customers/{customerId}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task A_step_up_in_the_browser_stops_unlocking_asset_details_fifteen_minutes_later_while_the_session_lives_on()
    {
        // The session cookie carries the step-up; the 360 page's interactive render asks the same StepUp.ShowsAssetDetails
        // (its prerender loads nothing), so the cookie's API answers stand for the page here.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (userName, key) = await AccountForms.CreateStaffAsync(app, enrolTotp: true);
        var customerId = await AnyCustomerIdAsync();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await AccountForms.SignInAsync(client, userName)).Dispose();
        using (var signedIn = await AccountForms.SubmitCodeAsync(client, AccountForms.CodeAt(key!, clock.GetUtcNow())))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var confirmed = await AccountForms.PostAsync(client, $"/account/step-up?returnUrl=%2Fcustomers%2F{customerId}", new Dictionary<string, string>
        {
            ["Purpose"] = "风险核查",
            ["Code"] = AccountForms.CodeAt(key!, clock.GetUtcNow().AddSeconds(30)),
        }))
        {
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"step-up answered {(int)confirmed.StatusCode}: {await confirmed.TextAsync()}");
        }

        using (var inWindow = await client.GetAsync($"/api/v1/customers/{customerId}/balance-trend"))
        {
            Assert.Equal(HttpStatusCode.OK, inWindow.StatusCode);
        }

        // A request every 10 minutes keeps the session (15 idle minutes) alive past the step-up window.
        clock.Advance(TimeSpan.FromMinutes(10));
        using (var stillInWindow = await client.GetAsync($"/api/v1/customers/{customerId}/balance-trend"))
        {
            Assert.Equal(HttpStatusCode.OK, stillInWindow.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        using var expired = await client.GetAsync($"/api/v1/customers/{customerId}/balance-trend");

        await AssertStepUpRequiredAsync(expired);
    }

    private static async Task AssertStepUpRequiredAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("需要二次验证", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("stepUpRequired").GetBoolean());
    }

    private async Task<long> AnyCustomerIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}

public sealed class AssetStepUpTestsOnSqlite(SqliteApp app) : AssetStepUpTests(app), IClassFixture<SqliteApp>;

public sealed class AssetStepUpTestsOnPostgres(PostgresApp app) : AssetStepUpTests(app), IClassFixture<PostgresApp>;
