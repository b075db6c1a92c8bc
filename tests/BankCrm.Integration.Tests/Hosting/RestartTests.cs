using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// Issue 11, finding 1: the app starts again on the database it ran on, scheduler on — real processes (the built
/// BankCrm.Web.dll, Production) started one after the other on the test app's SQLite file or PostgreSQL database. The
/// second start also finds the Data Protection keys of the first in the database (encrypted), so a cookie and a bearer
/// token issued before the restart still work, and nothing is written to the home folder.
/// </summary>
public abstract class RestartTests(BankCrmApp app)
{
    public const string OldCustomZone = "China Standard Time (BankCrm)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private static readonly Dictionary<string, string> NightlyOn = new(StringComparer.Ordinal) { ["Scoring:Nightly"] = "true" };

    [Fact]
    public async Task The_app_starts_a_second_time_on_the_same_database_with_its_schedule_and_signed_in_staff_stay_signed_in()
    {
        var home = Directory.CreateTempSubdirectory("bankcrm-home-");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = home.FullName };
        var cookies = new CookieContainer();
        string token;
        try
        {
            await using (var first = AppNode.Start(app, "restart-1", NightlyOn, environment))
            {
                var address = await first.AddressAsync(StartTimeout);
                await AssertHealthyAsync(address);
                Assert.Equal(1L, await WaitForNightlyTriggerAsync(first, "0 0 18 * * ?"));
                token = await TokenAsync(address);
                using (var browser = Browser(address, cookies))
                using (var signedIn = await AccountForms.SignInAsync(browser, "rm1"))
                {
                    Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                }

                first.Kill();
            }

            await using var second = AppNode.Start(app, "restart-2", NightlyOn, environment);
            var again = await second.AddressAsync(StartTimeout);

            await AssertHealthyAsync(again);
            Assert.Equal(1L, await WaitForNightlyTriggerAsync(second, "0 0 18 * * ?"));
            using (var api = new HttpClient { BaseAddress = again })
            {
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var customers = await api.GetAsync("/api/v1/customers");
                Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
            }

            using (var browser = Browser(again, cookies))
            using (var workbench = await browser.GetAsync("/"))
            {
                Assert.Equal(HttpStatusCode.OK, workbench.StatusCode);
                Assert.Contains("工作台", await workbench.TextAsync(), StringComparison.Ordinal);
            }

            var keys = await KeyXmlAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("fieldEncrypted", xml, StringComparison.Ordinal);
                Assert.Contains(">v1:", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            });
            Assert.False(Directory.Exists(Path.Combine(home.FullName, ".aspnet")), "Data Protection wrote keys to the home folder");
            Assert.False(second.HasExited, second.Output);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_database_holding_the_nightly_trigger_in_the_old_custom_time_zone_starts_and_is_rescheduled_in_utc()
    {
        await using (var first = AppNode.Start(app, "zone-1", NightlyOn))
        {
            await first.AddressAsync(StartTimeout);
            Assert.Equal(1L, await WaitForNightlyTriggerAsync(first, "0 0 18 * * ?"));
            first.Kill();
        }

        // What the release before decision 0008 stored: the China-time cron in a custom zone no machine can look up.
        await ExecuteAsync($"UPDATE qrtz_cron_triggers SET time_zone_id = '{OldCustomZone}', cron_expression = '0 0 2 * * ?' WHERE trigger_name = 'nightly-scoring-cron'");
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM qrtz_cron_triggers WHERE time_zone_id = '{OldCustomZone}'"));

        await using var second = AppNode.Start(app, "zone-2", NightlyOn);
        var address = await second.AddressAsync(StartTimeout);

        Assert.Equal(1L, await WaitForNightlyTriggerAsync(second, "0 0 18 * * ?"));
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM qrtz_cron_triggers WHERE time_zone_id = '{OldCustomZone}'"));
        await AssertHealthyAsync(address);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(second.HasExited, second.Output);
        Assert.DoesNotContain("TimeZoneNotFoundException", second.Output, StringComparison.Ordinal);
    }

    private static HttpClient Browser(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };

    private static async Task AssertHealthyAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    private static async Task<string> TokenAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "rm1", password = DemoStaff.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The nightly trigger stored in UTC with the expected cron (polled: the node stores it as its scheduler starts).</summary>
    private async Task<long> WaitForNightlyTriggerAsync(AppNode node, string utcCron)
    {
        var sql = $"SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'nightly-scoring-cron' AND time_zone_id = 'UTC' AND cron_expression = '{utcCron}'";
        for (var waited = 0; waited < 150; waited++)
        {
            if (await ScalarAsync(sql) is var count && count > 0)
            {
                return count;
            }

            Assert.False(node.HasExited, node.Output);
            await Task.Delay(200);
        }

        return await ScalarAsync(sql);
    }

    private async Task<List<string>> KeyXmlAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class RestartTestsOnSqlite(SqliteApp app) : RestartTests(app), IClassFixture<SqliteApp>;

public sealed class RestartTestsOnPostgres(PostgresApp app) : RestartTests(app), IClassFixture<PostgresApp>;
