using System.Net;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>Issue 11, finding 8: the Host header of a request is never echoed into a redirect.</summary>
public abstract class HostHeaderTests(BankCrmApp app)
{
    private const string Hostile = "evil.example";

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    public async Task A_hostile_Host_header_does_not_appear_in_the_Location_of_a_redirect(string path)
    {
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = Hostile;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain(Hostile, location, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/account/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_Host_header_is_not_echoed_after_signing_in_either()
    {
        using var client = app.CreateAnonymousClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        page.Headers.Host = Hostile;
        using var login = await client.SendAsync(page);
        var html = await login.Content.ReadAsStringAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Identity.AccountForms.HiddenValue(html, "__RequestVerificationToken"),
            ["_handler"] = Identity.AccountForms.HiddenValue(html, "_handler"),
            ["Input.UserName"] = "rm1",
            ["Input.Password"] = Data.Organization.DemoStaff.Password,
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        post.Headers.Host = Hostile;
        foreach (var cookie in login.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            post.Headers.Add("Cookie", cookie.Split(';')[0]);
        }

        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

public sealed class HostHeaderTestsOnSqlite(SqliteApp app) : HostHeaderTests(app), IClassFixture<SqliteApp>;

public sealed class HostHeaderTestsOnPostgres(PostgresApp app) : HostHeaderTests(app), IClassFixture<PostgresApp>;
