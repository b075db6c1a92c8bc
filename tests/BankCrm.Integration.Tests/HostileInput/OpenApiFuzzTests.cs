using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// Every operation of the OpenAPI document, in Production mode, as a user whose role the operation's policy admits,
/// with malformed bodies (truncated JSON, an array for an object, wrong types, unknown enum values, huge numbers,
/// nulls, naughty strings) and malformed query and route values (abc, 2147483648, -1, bad dates, missing required
/// parameters): never a 5xx, and every 4xx of the API is problem details (issue 11 finding 3).
/// </summary>
public abstract class OpenApiFuzzTests(BankCrmApp app, ITestOutputHelper output)
{
    /// <summary>Bounds the run time: about 2 minutes per provider on a loaded 2-core machine.</summary>
    private const int MaxCasesPerOperation = 48;

    private static readonly string[] OddValues = ["abc", "2147483648", "-1", "99999999999999999999", "2026-13-45", "1.5", "", "null"];

    [Fact]
    public async Task Every_operation_of_the_openapi_document_answers_malformed_input_without_5xx_and_with_problem_details()
    {
        var host = await HostileHost.ForAsync(app);
        using var admin = await host.ClientForAsync("admin");
        using var documentResponse = await admin.GetAsync("/openapi/v1.json");
        documentResponse.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await documentResponse.Content.ReadAsStringAsync());
        var openApi = new OpenApiOperations(document.RootElement);
        var operations = openApi.All();
        Assert.True(operations.Count > 80, $"only {operations.Count} operations in the OpenAPI document");

        var clients = new ConcurrentDictionary<string, Task<HttpClient>>(StringComparer.Ordinal);
        var policies = PoliciesByRoute(host);
        var naughty = NaughtyStrings.All().Where(s => s.Length < 5000).ToList();
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<int, int>();
        var total = 0;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(operations.Select((o, i) => (o, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (operation, index) = item;
            var user = UserFor(policies.GetValueOrDefault($"{operation.Method} {Normalise(operation.Path)}"));
            var client = await clients.GetOrAdd(user, host.ClientForAsync);
            foreach (var fuzz in Cases(openApi, operation, naughty, index).Take(MaxCasesPerOperation))
            {
                Interlocked.Increment(ref total);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), fuzz.Url);
                if (fuzz.Body is not null)
                {
                    request.Content = new StringContent(fuzz.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                }

                try
                {
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    counts.AddOrUpdate(status, 1, (_, n) => n + 1);
                    var type = response.Content.Headers.ContentType?.MediaType;
                    if (status >= 500 || (status >= 400 && type != "application/problem+json"))
                    {
                        var text = await response.Content.ReadAsStringAsync();
                        failures.Enqueue($"{operation} as {user}: {fuzz.What} → {status} {type} {(text.Length > 200 ? text[..200] : text)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
                {
                    failures.Enqueue($"{operation} as {user}: {fuzz.What} → {ex.GetType().Name}: {ex.Message}");
                }
            }
        });

        output.WriteLine($"{operations.Count} operations, {total} requests on {app.Provider} in {clock.Elapsed.TotalSeconds:F1} s: " +
            string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The malformed requests for one operation; the naughty strings rotate so every one is sent somewhere.</summary>
    private static IEnumerable<(string Url, string? Body, string What)> Cases(OpenApiOperations openApi, OpenApiOperation operation, List<string> naughty, int index)
    {
        var route = operation.Parameters.Where(p => p.In == "path").ToList();
        var query = operation.Parameters.Where(p => p.In == "query").ToList();
        var valid = route.ToDictionary(p => p.Name, p => ValidValue(operation, p), StringComparer.Ordinal);
        var validQuery = query.Where(p => p.Required).ToDictionary(p => p.Name, p => ValidValue(operation, p), StringComparer.Ordinal);
        var validBody = operation.Body is { } schema ? openApi.Sample(schema) : null;
        var body = validBody?.ToJsonString();
        var n = index * 7;

        // The body first: it is what the binder refuses most often.
        if (operation.Body is { } bodySchema)
        {
            var url = Url(operation.Path, valid, validQuery);
            yield return (url, body is null ? "{\"" : body[..(body.Length / 2)], "truncated JSON");
            yield return (url, "{", "an open brace");
            yield return (url, OpenApiOperations.TypeOf(bodySchema) == "array" ? "{}" : "[1,2]", "the wrong container");
            yield return (url, "\"text\"", "a string for the body");
            yield return (url, "null", "null for the body");
            yield return (url, "{}", "an empty object");
            yield return (url, string.Empty, "an empty body");
            if (validBody is JsonObject sample)
            {
                foreach (var (name, property) in openApi.Properties(bodySchema))
                {
                    foreach (var (value, what) in WrongValues(property, naughty[n++ % naughty.Count]))
                    {
                        var copy = (JsonObject)sample.DeepClone();
                        copy[name] = value?.DeepClone();
                        yield return (url, copy.ToJsonString(), $"{name} = {what}");
                    }
                }
            }
        }

        foreach (var parameter in route.Concat(query))
        {
            if (parameter.Required && parameter.In == "query")
            {
                var without = validQuery.Where(q => q.Key != parameter.Name).ToDictionary(StringComparer.Ordinal);
                yield return (Url(operation.Path, valid, without), body, $"{parameter.Name} missing");
            }

            foreach (var odd in OddValues.Append(naughty[n++ % naughty.Count]))
            {
                if (parameter.In == "path" && odd.Length == 0)
                {
                    continue;
                }

                var url = parameter.In == "path"
                    ? Url(operation.Path, new Dictionary<string, string>(valid, StringComparer.Ordinal) { [parameter.Name] = odd }, validQuery)
                    : Url(operation.Path, valid, new Dictionary<string, string>(validQuery, StringComparer.Ordinal) { [parameter.Name] = odd });
                yield return (url, body, $"{parameter.Name} = {HostileHost.Show(odd)}");
            }
        }
    }

    /// <summary>Values of the wrong type, out of range, null, unknown in an enum, or hostile for this property.</summary>
    private static IEnumerable<(JsonNode? Value, string What)> WrongValues(JsonElement property, string naughty)
    {
        yield return (null, "null");
        yield return (OpenApiOperations.TypeOf(property) is "string" ? 12345 : "abc", "the wrong type");
        yield return (JsonNode.Parse("99999999999999999999999999999"), "a huge number");
        yield return (new JsonArray(1, 2), "an array");
        if (OpenApiOperations.IsEnum(property))
        {
            yield return ("NoSuchValue", "an unknown enum value");
        }
        else if (OpenApiOperations.TypeOf(property) is "string")
        {
            yield return (naughty, $"the naughty string {HostileHost.Show(naughty)}");
        }
    }

    /// <summary>Ids that exist in every test database; staff ids do not, so the fuzz never edits the users it runs as.</summary>
    private static string ValidValue(OpenApiOperation operation, OpenApiParameter parameter) => OpenApiOperations.TypeOf(parameter.Schema) switch
    {
        _ when parameter.In == "path" && operation.Path.Contains("/staff/", StringComparison.Ordinal) => "999999",
        "integer" or "number" => "1",
        "boolean" => "true",
        "string" when OpenApiOperations.Format(parameter.Schema) == "date" => "2026-01-15",
        "string" when OpenApiOperations.Format(parameter.Schema) == "date-time" => "2026-01-15T08:00:00Z",
        _ when parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("enum", out var values) => values.EnumerateArray().First().ToString(),
        _ => "x",
    };

    private static string Url(string template, Dictionary<string, string> route, Dictionary<string, string> query)
    {
        var path = route.Aggregate(template, (p, r) => p.Replace("{" + r.Key + "}", Uri.EscapeDataString(r.Value), StringComparison.Ordinal));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
    }

    /// <summary>The permission policy of each route endpoint, keyed by method and route with parameter names only.</summary>
    private static Dictionary<string, List<string>> PoliciesByRoute(HostileHost host)
    {
        var routes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var endpoint in host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            foreach (var method in methods)
            {
                routes.TryAdd($"{method} {Normalise("/" + endpoint.RoutePattern.RawText?.TrimStart('/'))}", policies);
            }
        }

        return routes;
    }

    /// <summary>"/api/v1/customers/{id:long}" and "/api/v1/customers/{id}" → "/api/v1/customers/{id}".</summary>
    private static string Normalise(string route) => System.Text.RegularExpressions.Regex.Replace(route, "\\{([^}:?=]+)[^}]*\\}", "{$1}").ToLowerInvariant();

    /// <summary>The admin, unless a policy names a permission the admin's role lacks: then the first demo login with all of them.</summary>
    private static string UserFor(List<string>? policies)
    {
        var permissions = (policies ?? []).Where(PermissionMatrix.AllPermissions.Contains).ToList();

        // The admin is the first demo login.
        return DemoStaff.Logins.FirstOrDefault(l => permissions.All(p => PermissionMatrix.RolesFor(p).Contains(l.Role))).UserName ?? "admin";
    }
}

public sealed class OpenApiFuzzTestsOnSqlite(SqliteAppInProduction app, ITestOutputHelper output) : OpenApiFuzzTests(app, output), IClassFixture<SqliteAppInProduction>;

public sealed class OpenApiFuzzTestsOnPostgres(PostgresAppInProduction app, ITestOutputHelper output) : OpenApiFuzzTests(app, output), IClassFixture<PostgresAppInProduction>;
