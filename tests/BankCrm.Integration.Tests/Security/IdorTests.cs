using System.Net;
using System.Text;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Security;

/// <summary>
/// Insecure direct object references: every API endpoint that takes a customer id, found by enumerating the
/// running app (so endpoints added later are covered too), is called by another RM with the id of a customer
/// outside their book. Each must answer 404 without the customer's data, and the refusal must be audited.
/// </summary>
public abstract partial class IdorTests(BankCrmApp app)
{
    [Fact]
    public async Task Every_customer_endpoint_answers_404_for_a_customer_out_of_scope_and_audits_it()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var victim = await rm1.CreateAsync(CustomerApi.Individual("司马隐私"));
        using var rm2 = await app.ClientForAsync("rm2");
        var routes = CustomerRoutes();
        Assert.True(routes.Count >= 10, $"only {routes.Count} customer endpoints found: the enumeration is broken");

        var failures = new List<string>();
        foreach (var (method, template) in routes)
        {
            // Other route values (a share id, a request id) get 1: the customer's scope must be checked before them.
            var url = System.Text.RegularExpressions.Regex.Replace(
                CustomerParameter().Replace(template, "/api/v1/customers/" + victim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 1), @"\{[^}]+\}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // A body that would pass model binding, so the scope check is what answers.
                request.Content = new StringContent($$"""{"version":{{victim.Version}},"city":"越权市","purpose":"Marketing","granted":true,"source":"Branch","reason":"x"}""", Encoding.UTF8, "application/json");
            }

            var deniedBefore = await DenialsAsync(victim.Id);
            using var response = await rm2.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (await DenialsAsync(victim.Id) == deniedBefore)
            {
                failures.Add($"{method} {template}: refusal not audited");
            }

            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {template}: {(int)response.StatusCode}");
            }
            else if (body.Contains("司马隐私", StringComparison.Ordinal) || body.Contains(victim.CustomerNumber, StringComparison.Ordinal))
            {
                failures.Add($"{method} {template}: the 404 leaks the customer");
            }
        }

        Assert.True(failures.Count == 0, "Out-of-scope access not refused with an audited 404:\n" + string.Join('\n', failures));
    }

    private async Task<int> DenialsAsync(long customerId) =>
        (await app.EntriesAsync(e => e.CustomerId == customerId && e.Action == AuditActions.CustomerAccessDenied && e.ActorName == "rm2")).Count;

    private List<(string Method, string Template)> CustomerRoutes()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/customers/{", StringComparison.Ordinal) && CustomerParameter().IsMatch(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
    }

    // The customer's id, whatever the route calls it (the tags routes say customerId).
    [System.Text.RegularExpressions.GeneratedRegex(@"^/api/v1/customers/\{(id|customerId):long\}")]
    private static partial System.Text.RegularExpressions.Regex CustomerParameter();
}

public sealed class IdorTestsOnSqlite(SqliteApp app) : IdorTests(app), IClassFixture<SqliteApp>;

public sealed class IdorTestsOnPostgres(PostgresApp app) : IdorTests(app), IClassFixture<PostgresApp>;
