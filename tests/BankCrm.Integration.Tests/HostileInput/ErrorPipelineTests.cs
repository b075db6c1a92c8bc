using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// One error pipeline for Production and Development (issue 11 finding 3): the same request gets the same answer in
/// both; a request that cannot be bound is a 400 problem naming the parameter or field and the rule; an unexpected
/// failure is a 500 problem with a trace id and no exception text on the API, the Chinese error page in the UI.
/// </summary>
public abstract partial class ErrorPipelineTests(BankCrmApp app)
{
    private const string Secret = "Npgsql connection to 10.0.0.7 failed at BankCrm.Secret.Method";

    private sealed record Case(string User, string Method, string Url, string? Body, HttpStatusCode Status, string? Field, string? Rule = null);

    private static readonly Case[] Cases =
    [
        new("rm1", "GET", "/api/v1/customers?page=abc", null, HttpStatusCode.BadRequest, "page", "整数"),
        new("rm1", "GET", "/api/v1/customers?page=2147483648", null, HttpStatusCode.BadRequest, "page", "2147483647"),
        new("auditor1", "GET", "/api/v1/audit?from=31/12/2026", null, HttpStatusCode.BadRequest, "from", "ISO 8601"),
        new("rm1", "POST", "/api/v1/customers", "{\"type\":\"Individual\",\"name\":", HttpStatusCode.BadRequest, "body", "name"),
        new("rm1", "POST", "/api/v1/customers", "[{\"type\":\"Individual\"}]", HttpStatusCode.BadRequest, "body"),
        new("rm1", "POST", "/api/v1/customers", "{\"type\":\"Nobody\",\"name\":\"张三\"}", HttpStatusCode.BadRequest, "type", "Individual"),
        new("rm1", "POST", "/api/v1/customers", "{\"type\":\"Individual\",\"name\":123}", HttpStatusCode.BadRequest, "name", "字符串"),
        new("rm1", "PUT", "/api/v1/customers/1", "{\"version\":", HttpStatusCode.BadRequest, "body", "JSON"),
        new("rm1", "PUT", "/api/v1/customers/1", "{\"version\":99999999999999999999}", HttpStatusCode.BadRequest, "version", "整数"),
        new("manager1", "GET", "/api/v1/segments/migration", null, HttpStatusCode.BadRequest, null, "必填"),
        new("rm1", "GET", "/api/v1/no-such-thing", null, HttpStatusCode.NotFound, null),
        new("rm1", "DELETE", "/api/v1/customers", null, HttpStatusCode.MethodNotAllowed, null),
    ];

    [Fact]
    public async Task Requests_that_cannot_be_bound_answer_the_same_400_problem_naming_the_field_and_rule_in_production_and_development()
    {
        var production = await HostAsync("Production");
        var development = await HostAsync("Development");
        var failures = new List<string>();
        foreach (var c in Cases)
        {
            var (status, type, body) = await SendAsync(production, c);
            var (devStatus, devType, devBody) = await SendAsync(development, c);
            var where = $"{c.Method} {c.Url} {c.Body}";
            if (status != c.Status || type != "application/problem+json")
            {
                failures.Add($"{where}: {(int)status} {type} {(body.Length > 300 ? body[..300] : body)}");
                continue;
            }

            if ((devStatus, devType, WithoutTraceId(devBody)) != (status, type, WithoutTraceId(body)))
            {
                failures.Add($"{where}: Production {(int)status} {body} but Development {(int)devStatus} {devType} {devBody}");
            }

            using var problem = JsonDocument.Parse(body);
            Assert.True(problem.RootElement.TryGetProperty("traceId", out _), $"{where}: no traceId in {body}");
            if (c.Status == HttpStatusCode.BadRequest)
            {
                var errors = problem.RootElement.GetProperty("errors").EnumerateObject().ToList();
                var named = c.Field is null ? errors : errors.Where(e => e.Name == c.Field).ToList();
                var rules = named.SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
                if (named.Count == 0 || (c.Rule is not null && !rules.Any(r => r!.Contains(c.Rule, StringComparison.Ordinal))))
                {
                    failures.Add($"{where}: expected {c.Field ?? "a field"} with a rule containing {c.Rule}, got {body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_on_the_api_and_the_chinese_error_page_in_the_ui_in_both_environments()
    {
        foreach (var environment in new[] { "Production", "Development" })
        {
            var host = await HostAsync(environment);
            using var client = await host.ClientForAsync("rm1");
            using var api = await client.GetAsync("/api/v1/test-failure");
            var body = await api.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("系统繁忙，请稍后再试", body, StringComparison.Ordinal);
            Assert.DoesNotContain("10.0.0.7", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            using var problem = JsonDocument.Parse(body);
            var traceId = problem.RootElement.GetProperty("traceId").GetString();
            Assert.False(string.IsNullOrEmpty(traceId));
            Assert.Contains(traceId, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

            using var page = new HttpRequestMessage(HttpMethod.Get, "/test-failure");
            page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var html = await client.SendAsync(page);
            var text = await html.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Contains("出错了", text, StringComparison.Ordinal);
            Assert.DoesNotContain("10.0.0.7", text, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        }
    }

    private Task<HostileHost> HostAsync(string environment) => app.OnceAsync($"error-pipeline-{environment}", () => Task.FromResult(new HostileHost(app, app.WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Security:ApiRateLimitPerMinute", "1000000");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingRoutes>());
    }))));

    private static async Task<(HttpStatusCode Status, string? Type, string Body)> SendAsync(HostileHost host, Case c)
    {
        using var client = await host.ClientForAsync(c.User);
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
        if (c.Body is not null)
        {
            request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string WithoutTraceId(string body) => TraceId().Replace(body, "trace");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"|trace: [^）)]*")]
    private static partial Regex TraceId();

    /// <summary>Two routes that fail the way an unexpected bug would, behind every middleware of the app.</summary>
    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/api/v1/test-failure", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
            app.Map("/test-failure", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}

public sealed class ErrorPipelineTestsOnSqlite(SqliteAppInProduction app) : ErrorPipelineTests(app), IClassFixture<SqliteAppInProduction>;

public sealed class ErrorPipelineTestsOnPostgres(PostgresAppInProduction app) : ErrorPipelineTests(app), IClassFixture<PostgresAppInProduction>;
