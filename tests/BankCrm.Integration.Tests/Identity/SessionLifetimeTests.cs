using System.Net;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Idle and absolute session timeouts on a fake clock (checklist S2), and Security:RequireMfa (A7).</summary>
public abstract class SessionLifetimeTests(BankCrmApp app)
{
    [Fact]
    public async Task Fifteen_idle_minutes_end_the_session()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        clock.Advance(TimeSpan.FromMinutes(14));
        using (var active = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(16));
        using var idle = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/account/login", idle.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_ends_eight_hours_after_the_password()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        (await AccountForms.SignInAsync(client, userName)).Dispose();

        // A request every 10 minutes for 7 h 50 min keeps the session alive...
        for (var i = 0; i < 47; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            using var active = await client.GetAsync("/api/v1/customers?pageSize=1");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        // ...and the first request after 8 hours is sent to the login page.
        clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/login", expired.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_require_mfa_a_password_only_session_reaches_only_enrolment()
    {
        await using var host = app.WithWebHostBuilder(builder => builder.UseSetting("Security:RequireMfa", "true"));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (userName, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);

        using var posted = await AccountForms.SignInAsync(client, userName);
        using var home = await client.GetAsync("/");
        using var api = await client.GetAsync("/api/v1/customers");
        using var setup = await client.GetAsync("/account/mfa/setup");

        Assert.Equal("/account/mfa/setup", posted.LocationPath());
        Assert.Equal("/account/mfa/setup", home.LocationPath());
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
    }
}

public sealed class SessionLifetimeTestsOnSqlite(SqliteApp app) : SessionLifetimeTests(app), IClassFixture<SqliteApp>;

public sealed class SessionLifetimeTestsOnPostgres(PostgresApp app) : SessionLifetimeTests(app), IClassFixture<PostgresApp>;
