using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Identity;

/// <summary>
/// Issue 11, finding 5: wrong passwords on a real account end in 423 (locked), so an unknown name must too, with the
/// same status and body at every attempt, or the answers tell which user names exist. Each probe is audited.
/// </summary>
public abstract class UserEnumerationTests(BankCrmApp app)
{
    private const int Attempts = 6;

    [Fact]
    public async Task The_token_endpoint_answers_an_unknown_name_exactly_as_a_real_account_through_lockout()
    {
        var (real, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        var unknown = "ghost" + Guid.NewGuid().ToString("N")[..10];

        var realAnswers = await TokenAttemptsAsync(real);
        var unknownAnswers = await TokenAttemptsAsync(unknown);

        Assert.Equal(
            [.. Enumerable.Repeat("401 用户名或密码错误", 4), "423 账户已锁定，请稍后再试", "423 账户已锁定，请稍后再试"],
            realAnswers);
        Assert.Equal(realAnswers, unknownAnswers);
        var probes = await app.EntriesAsync(e => e.ActorName == unknown);
        Assert.Equal(4, probes.Count(e => e.Action == AuditActions.LoginFailed));
        Assert.Equal(2, probes.Count(e => e.Action == AuditActions.LoginLockedOut));
        Assert.All(probes, e => Assert.Null(e.ActorId));
    }

    [Fact]
    public async Task The_login_form_answers_an_unknown_name_exactly_as_a_real_account_through_lockout()
    {
        var (real, _) = await AccountForms.CreateStaffAsync(app, enrolTotp: false);
        var unknown = "ghost" + Guid.NewGuid().ToString("N")[..10];

        var realAnswers = await FormAttemptsAsync(real);
        var unknownAnswers = await FormAttemptsAsync(unknown);

        Assert.Equal([.. Enumerable.Repeat("用户名或密码错误", 4), "账户已锁定", "账户已锁定"], realAnswers);
        Assert.Equal(realAnswers, unknownAnswers);
        Assert.Contains(await app.EntriesAsync(e => e.ActorName == unknown), e => e.Action == AuditActions.LoginLockedOut);
    }

    /// <summary>Five wrong passwords, then the right one for a real account (any for an unknown name).</summary>
    private async Task<List<string>> TokenAttemptsAsync(string userName)
    {
        using var client = app.CreateAnonymousClient();
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++)
        {
            var password = i < Attempts - 1 ? $"Wrong@{i}" : AccountForms.Password;
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("title").GetString()}");
        }

        return answers;
    }

    private async Task<List<string>> FormAttemptsAsync(string userName)
    {
        using var client = app.CreateAnonymousClient();
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++)
        {
            var password = i < Attempts - 1 ? $"Wrong@{i}" : AccountForms.Password;
            using var response = await AccountForms.SignInAsync(client, userName, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.TextAsync();
            answers.Add(text.Contains("账户已锁定", StringComparison.Ordinal) ? "账户已锁定"
                : text.Contains("用户名或密码错误", StringComparison.Ordinal) ? "用户名或密码错误"
                : "other");
        }

        return answers;
    }
}

public sealed class UserEnumerationTestsOnSqlite(SqliteApp app) : UserEnumerationTests(app), IClassFixture<SqliteApp>;

public sealed class UserEnumerationTestsOnPostgres(PostgresApp app) : UserEnumerationTests(app), IClassFixture<PostgresApp>;
