using System.Net;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>Signs in the way a browser does: the static login form with its antiforgery token, then the cookie.</summary>
public abstract class CookieLoginTests(BankCrmApp app)
{
    [Fact]
    public async Task Staff_sign_in_through_the_login_form_and_see_the_workbench()
    {
        using var client = app.CreateAnonymousClient();

        using var posted = await PostLoginFormAsync(client, "rm1", DemoStaff.Password);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.LocationPath());
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bankcrm.auth=", StringComparison.Ordinal));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("工作台", WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_returns_to_the_page_that_was_asked_for()
    {
        using var client = app.CreateAnonymousClient();

        using var posted = await PostLoginFormAsync(client, "manager1", DemoStaff.Password, "?returnUrl=%2Fcustomers");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/customers", posted.LocationPath());
    }

    [Fact]
    public async Task The_login_form_never_redirects_to_another_site()
    {
        using var client = app.CreateAnonymousClient();

        using var posted = await PostLoginFormAsync(client, "rm2", DemoStaff.Password, "?returnUrl=%2F%2Fevil.example.com");

        Assert.Equal("/", posted.LocationPath());
    }

    [Fact]
    public async Task A_wrong_password_in_the_form_shows_the_error_and_sets_no_cookie()
    {
        using var client = app.CreateAnonymousClient();

        using var posted = await PostLoginFormAsync(client, "marketing1", "Wrong@12345");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        // Razor encodes non-ASCII text as character references; compare what the browser shows.
        Assert.Contains("用户名或密码错误", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bankcrm.auth=", StringComparison.Ordinal)));
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task The_form_is_refused_without_its_antiforgery_token()
    {
        using var client = app.CreateAnonymousClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "rm1",
            ["Input.Password"] = DemoStaff.Password,
        });

        using var posted = await client.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    private static Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password, string query = "") =>
        AccountForms.PostAsync(client, "/account/login" + query, new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
}

public sealed class CookieLoginTestsOnSqlite(SqliteApp app) : CookieLoginTests(app), IClassFixture<SqliteApp>;

public sealed class CookieLoginTestsOnPostgres(PostgresApp app) : CookieLoginTests(app), IClassFixture<PostgresApp>;
