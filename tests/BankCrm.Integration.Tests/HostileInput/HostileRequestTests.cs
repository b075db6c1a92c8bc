using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// Hostile requests rather than hostile field values: numbers that are not numbers, bodies that are not UTF-8 or
/// far too big, import files that are garbage. Never a 500.
/// </summary>
public abstract class HostileRequestTests(BankCrmApp app)
{
    private static readonly string[] OddValues =
        ["-1", "0", "2147483648", "-2147483649", "99999999999999999999", "abc", "", "1e3", "1.5", "NaN", "Infinity", "true", "%00", "%27%20OR%201%3D1--", "%F0%9F%92%A9", "%ED%A0%80", "%FF%FE"];

    // %00 in a path never reaches the app: the test server refuses to build the request, Kestrel answers 400 itself.
    private static readonly string[] RouteValues = [.. OddValues.Where(v => v is not ("%00" or ""))];

    [Fact]
    public async Task Paging_filters_and_route_ids_that_are_out_of_range_or_not_numbers_answer_2xx_or_a_400_naming_the_parameter()
    {
        var host = await HostileHost.ForAsync(app);
        using var rm = await host.ClientForAsync("rm1");
        using var auditor = await host.ClientForAsync("auditor1");
        var customer = await rm.CreateAsync(CustomerApi.Individual("参数模糊"));
        (HttpClient Client, string Path, string[] Parameters)[] endpoints =
        [
            (rm, "/api/v1/customers", ["q", "branchId", "relationshipManagerId", "type", "sort", "descending", "page", "pageSize"]),
            (rm, $"/api/v1/customers/{customer.Id}/transactions", ["from", "to", "kind", "channel", "minAmount", "maxAmount", "page", "pageSize"]),
            (rm, $"/api/v1/customers/{customer.Id}/interactions", ["page", "pageSize"]),
            (rm, $"/api/v1/customers/{customer.Id}/changes", ["page", "pageSize"]),
            (auditor, "/api/v1/audit", ["user", "customer", "action", "from", "to", "page", "pageSize"]),
        ];
        var failures = new ConcurrentQueue<string>();
        var requests = endpoints.SelectMany(e => e.Parameters.SelectMany(p => OddValues.Select(v => (e.Client, Url: $"{e.Path}?{p}={v}", Parameter: p))))
            .Concat(RouteValues.Select(v => (Client: rm, Url: $"/api/v1/customers/{v}", Parameter: "id")))
            .Concat(RouteValues.Select(v => (Client: rm, Url: $"/api/v1/customers/{v}/360", Parameter: "id")));

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, _) =>
        {
            using var response = await request.Client.GetAsync(request.Url);
            if (response.StatusCode == HttpStatusCode.NotFound && request.Parameter == "id")
            {
                return;
            }

            if (await HostileHost.ProblemOrSuccessAsync(response, [request.Parameter]) is { } problem)
            {
                failures.Enqueue($"GET {request.Url}: {problem}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Json_that_is_not_utf8_or_holds_a_lone_surrogate_is_refused_with_400()
    {
        var host = await HostileHost.ForAsync(app);
        using var rm = await host.ClientForAsync("rm1");
        var customer = await rm.CreateAsync(CustomerApi.Individual("编码模糊"));
        byte[][] bodies =
        [
            [.. "{\"type\":\"Individual\",\"name\":\""u8, 0xFF, 0xFE, 0xC0, 0xAF, .. "\"}"u8],
            [.. "{\"type\":\"Individual\",\"name\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8],
            "{\"type\":\"Individual\",\"name\":\"\\ud800张三\"}"u8.ToArray(),
            "{\"type\":\"Individual\",\"name\":\"\\udc00\"}"u8.ToArray(),
            "{\"type\":\"Individual\",\"name\":"u8.ToArray(),
            Encoding.GetEncoding("utf-16").GetBytes("{\"type\":\"Individual\",\"name\":\"张三\"}"),
        ];
        (string Method, string Url)[] targets =
        [
            ("POST", "/api/v1/customers"), ("PUT", $"/api/v1/customers/{customer.Id}"), ("POST", $"/api/v1/customers/{customer.Id}/consents"), ("POST", "/api/v1/auth/token"),
        ];
        var failures = new List<string>();
        foreach (var (method, url) in targets)
        {
            foreach (var body in bodies)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await rm.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
                if (response.StatusCode != HttpStatusCode.BadRequest || await HostileHost.ProblemOrSuccessAsync(response, null) is not null)
                {
                    failures.Add($"{method} {url} {Convert.ToHexString(body[..Math.Min(body.Length, 40)])}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        using (var unknownType = await rm.PostAsJsonAsync("/api/v1/customers", new { type = "Nobody", name = "x" }))
        {
            if (unknownType.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"POST customers with type Nobody: {(int)unknownType.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using var db = app.CreateDbContext();
        Assert.Equal("编码模糊", await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task A_10_MB_body_to_every_post_and_put_endpoint_is_refused_with_413_and_the_import_keeps_its_50_MB()
    {
        var host = await HostileHost.ForAsync(app);
        using var admin = await host.ClientForAsync("admin");
        var routes = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true)
            .Select(e => (Pattern: e.RoutePattern.RawText ?? string.Empty, Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods))
            .ToList();
        Assert.Contains(routes, r => r.Pattern.Contains("/api/v1/customers/import", StringComparison.Ordinal));
        var tenMegabytes = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', 10 << 20) + "\"}");
        var failures = new List<string>();
        foreach (var (pattern, methods) in routes)
        {
            var url = "/" + pattern.TrimStart('/').Replace("{id:long}", "1", StringComparison.Ordinal).Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);
            if (url.Contains('{', StringComparison.Ordinal))
            {
                url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", "x");
            }

            var import = pattern.Contains("api/v1/customers/import", StringComparison.Ordinal);
            foreach (var method in methods.Where(m => m is "POST" or "PUT"))
            {
                using HttpContent content = import ? Multipart(new byte[10 << 20]) : new ByteArrayContent(tenMegabytes);
                if (!import)
                {
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
                var expected = import ? HttpStatusCode.BadRequest : HttpStatusCode.RequestEntityTooLarge;
                if (response.StatusCode != expected)
                {
                    failures.Add($"{method} {url}: {(int)response.StatusCode}, expected {(int)expected}");
                }
            }
        }

        using var over = Multipart(new byte[51 << 20]);
        using var tooBig = await admin.PostAsync("/api/v1/customers/import", over);
        if (tooBig.StatusCode != HttpStatusCode.RequestEntityTooLarge)
        {
            failures.Add($"POST import of 51 MB: {(int)tooBig.StatusCode}, expected 413");
        }

        Assert.True(failures.Count == 0, $"{routes.Count} endpoints, failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task An_import_of_naughty_cells_keeps_each_accepted_cell_exactly_and_binary_garbage_is_a_400()
    {
        var host = await HostileHost.ForAsync(app);
        using var manager = await host.ClientForAsync("manager1");
        // NUL makes the importer take the file for binary and refuse it whole (tested below), so it is left out here.
        var strings = NaughtyStrings.All().Where(s => s.Length < 1000 && !s.Contains('\0', StringComparison.Ordinal)).ToList();
        var ids = strings.Select(_ => CustomerApi.NextIdNumber()).ToList();
        var csv = new StringBuilder("客户类型,姓名,证件号码,手机号,城市,详细地址,职业\r\n");
        for (var i = 0; i < strings.Count; i++)
        {
            csv.AppendJoin(',', Quote("个人"), Quote(strings[i]), Quote(ids[i]), Quote(CustomerApi.NextMobile()), Quote(strings[i]), Quote(strings[i]), Quote(strings[i])).Append("\r\n");
        }

        using var imported = await manager.PostAsync("/api/v1/customers/import", Multipart(Encoding.UTF8.GetBytes(csv.ToString())));
        var summaryText = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, $"{(int)imported.StatusCode}: {summaryText}");
        using var summary = JsonDocument.Parse(summaryText);
        Assert.Equal(strings.Count, summary.RootElement.GetProperty("rows").GetInt32());

        await using var db = app.CreateDbContext();
        // ID numbers are encrypted at rest, so they are matched after decryption, not in SQL.
        var stored = (await db.Customers.AsNoTracking().ToListAsync()).Where(c => ids.Contains(c.IdNumber!)).ToDictionary(c => c.IdNumber!);
        Assert.Equal(summary.RootElement.GetProperty("created").GetInt32(), stored.Count);
        var wrong = new List<string>();
        for (var i = 0; i < strings.Count; i++)
        {
            var expected = HostileHost.Stored(strings[i]);
            if (stored.TryGetValue(ids[i], out var c) && (c.Name != expected || c.City != expected || c.AddressLine != expected || c.Occupation != expected))
            {
                wrong.Add($"{HostileHost.Show(strings[i])} stored as {HostileHost.Show(c.Name)} / {HostileHost.Show(c.City ?? "<null>")}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(30)));

        var random = new Random(20261125);
        var garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        byte[][] files = [garbage, [0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80, (byte)'\n', 0x00, 0x01], [], "PK\u0003\u0004not really a zip"u8.ToArray(), [.. "客户类型,姓名,证件号码\r\n个人,"u8, 0xC0, 0xAF, 0xFF, .. ",110105194912310021\r\n"u8]];
        foreach (var file in files)
        {
            using var response = await manager.PostAsync("/api/v1/customers/import", Multipart(file));
            Assert.True(
                response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK,
                $"{Convert.ToHexString(file[..Math.Min(16, file.Length)])}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static MultipartFormDataContent Multipart(byte[] file)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "naughty.csv");
        return content;
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed class HostileRequestTestsOnSqlite(SqliteApp app) : HostileRequestTests(app), IClassFixture<SqliteApp>;

public sealed class HostileRequestTestsOnPostgres(PostgresApp app) : HostileRequestTests(app), IClassFixture<PostgresApp>;
