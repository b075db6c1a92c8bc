using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Identity;

public abstract class TokenTests(BankCrmApp app)
{
    [Fact]
    public async Task Good_credentials_give_a_bearer_token_that_opens_the_api()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "rm1", password = DemoStaff.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", token.RootElement.GetProperty("tokenType").GetString());
        Assert.Equal(3600, token.RootElement.GetProperty("expiresIn").GetInt32());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        using var customers = await client.GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync("/api/v1/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_with_problem_details()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "rm2", password = "Wrong@12345" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("用户名或密码错误", problem.GetProperty("title").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = DemoStaff.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("用户名或密码错误", (await response.ProblemAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        // teller1 is used by no other test of this class, so locking it harms nobody.
        using var client = app.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "teller1", password = $"Wrong@{i}" });
            statuses.Add(wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "teller1", password = DemoStaff.Password });

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Equal("账户已锁定，请稍后再试", (await right.ProblemAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_missing_password_answers_400_naming_the_field()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "rm1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(["密码不能为空"], problem.Errors("password"));
        Assert.False(problem.GetProperty("errors").TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task An_empty_request_answers_400_naming_both_fields()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = " " });

        var problem = await response.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["用户名不能为空"], problem.Errors("userName"));
        Assert.Equal(["密码不能为空"], problem.Errors("password"));
    }
}

public sealed class TokenTestsOnSqlite(SqliteApp app) : TokenTests(app), IClassFixture<SqliteApp>;

public sealed class TokenTestsOnPostgres(PostgresApp app) : TokenTests(app), IClassFixture<PostgresApp>;
