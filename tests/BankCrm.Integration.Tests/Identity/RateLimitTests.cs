using System.Net;
using System.Net.Http.Json;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Sign-in attempts per client address (checklist A1): the 11th within a minute gets 429.</summary>
public abstract class RateLimitTests(BankCrmApp app)
{
    [Fact]
    public async Task The_eleventh_token_request_in_a_minute_gets_429_with_a_chinese_problem()
    {
        // A host of its own with the production limit; the shared test host raises it because all tests share one address.
        await using var limited = app.WithWebHostBuilder(builder => builder.UseSetting("Security:LoginRateLimitPerMinute", "10"));
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-" + i, password = "Wrong@12345" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("请求过于频繁", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}

public sealed class RateLimitTestsOnSqlite(SqliteApp app) : RateLimitTests(app), IClassFixture<SqliteApp>;

public sealed class RateLimitTestsOnPostgres(PostgresApp app) : RateLimitTests(app), IClassFixture<PostgresApp>;
