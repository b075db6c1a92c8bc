using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Audit;

/// <summary>
/// Seed 003 记录所有访问: every read of a customer leaves an entry naming them. The endpoints are found by
/// enumerating the running app, so an endpoint added later is covered too; an endpoint counts as customer-bearing
/// when its answer shows a customer (their customer number, or a customer id).
/// </summary>
public abstract partial class ReadAuditTests(BankCrmApp app)
{
    /// <summary>Readers tried in turn until one may call the endpoint: between them they hold every read permission.</summary>
    private static readonly string[] Readers = ["manager1", "compliance1", "marketing1", "rm1", "admin"];

    [Fact]
    public async Task Every_endpoint_that_shows_a_customer_writes_an_audit_entry_naming_them()
    {
        var customer = await OwnCustomerAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var reader in Readers)
        {
            clients[reader] = await app.ClientForAsync(reader);
        }

        var bearing = new List<string>();
        var failures = new List<string>();
        foreach (var template in GetRoutes())
        {
            var url = IdInRoute().Replace(template.Replace("{id:long}", customer.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), "1");
            foreach (var reader in Readers)
            {
                var before = await LastEntryIdAsync();
                using var response = await clients[reader].GetAsync(url);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    continue;
                }

                var shown = await CustomersShownAsync(await response.Content.ReadAsStringAsync());
                if (template.StartsWith("/api/v1/customers/{id:long}", StringComparison.Ordinal))
                {
                    shown.Add(customer);
                }

                if (shown.Count > 0)
                {
                    bearing.Add(template);
                    var named = await NamedSinceAsync(before, reader);
                    var missing = shown.Except(named).ToList();
                    if (missing.Count > 0)
                    {
                        failures.Add($"GET {template} as {reader}: no audit entry names customer(s) {string.Join(',', missing.Take(5))} of {shown.Count} shown");
                    }
                }

                break;
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, "Customer reads without an audit entry:\n" + string.Join('\n', failures));
        Assert.True(bearing.Count >= 12, $"only {bearing.Count} customer-bearing endpoints answered ({string.Join(", ", bearing)}): the enumeration is broken");
    }

    [Fact]
    public async Task Who_saw_a_customer_finds_list_reads_by_customer_and_by_staff_member()
    {
        using var rm = await app.ClientForAsync("rm1");
        var page = await rm.GetFromJsonAsync<JsonElement>("/api/v1/customers?pageSize=5&sort=CustomerNumber");
        var first = page.GetProperty("items")[0];
        var number = first.GetProperty("customerNumber").GetString()!;

        using var auditor = await app.ClientForAsync("auditor1");
        var byCustomer = await auditor.GetFromJsonAsync<PagedResult<AuditLine>>($"/api/v1/audit?customer={number}&user=rm1&action={AuditActions.CustomersListed}&pageSize=100");
        var byStaff = await auditor.GetFromJsonAsync<PagedResult<AuditLine>>($"/api/v1/audit?user=rm1&pageSize=5");

        var listed = Assert.Single(byCustomer!.Items.Take(1));
        Assert.Equal("ListCustomers", listed.Fields);
        Assert.Contains(first.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), listed.Detail, StringComparison.Ordinal);
        Assert.All(byStaff!.Items, line => Assert.Equal("rm1", line.ActorName));
        Assert.NotEmpty(byStaff.Items);
    }

    [Fact]
    public async Task A_search_by_id_number_is_recorded_masked()
    {
        using var rm = await app.ClientForAsync("rm1");
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        var idNumber = (await db.Customers.AsNoTracking().Where(c => c.RelationshipManagerId == rm1).Take(50).ToListAsync())
            .Select(c => c.IdNumber).First(n => n is { Length: 18 })!;
        var before = await LastEntryIdAsync();

        using var response = await rm.GetAsync($"/api/v1/customers?q={idNumber}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await app.EntriesAsync(e => e.Id > before);
        Assert.DoesNotContain(entries, e => (e.Detail ?? string.Empty).Contains(idNumber, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == AuditActions.CustomersListed && e.ActorName == "rm1"
            && (e.Detail ?? string.Empty).Contains(BankCrm.Core.Customers.Masking.IdNumber(idNumber), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_360_api_writes_one_sensitive_read_and_no_second_entry_for_the_same_customer()
    {
        var customer = await OwnCustomerAsync();
        using var api = await app.ClientForAsync("rm1");
        var apiBefore = await LastEntryIdAsync();
        (await api.GetAsync($"/api/v1/customers/{customer}/360")).Dispose();
        var apiRead = Assert.Single(await app.EntriesAsync(e => e.Id > apiBefore && e.ActorName == "rm1" && e.CustomerId == customer));
        Assert.Equal(AuditActions.CustomerViewedSensitive, apiRead.Action);
        Assert.Equal("balances,transactions", apiRead.Fields);
    }

    [Fact]
    public async Task The_chain_still_verifies_over_entries_that_name_lists_of_customers()
    {
        using var rm = await app.ClientForAsync("rm1");
        (await rm.GetAsync("/api/v1/customers?pageSize=50")).Dispose();

        var outcome = await app.VerifyAsync();

        Assert.True(outcome.Intact, outcome.Message);
    }

    private async Task<long> OwnCustomerAsync()
    {
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        return await db.Customers.Where(c => c.RelationshipManagerId == rm1).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    private async Task<long> LastEntryIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    /// <summary>The customers named by the reader's entries after <paramref name="after"/>: their own customer or the customers of a list read.</summary>
    private async Task<HashSet<long>> NamedSinceAsync(long after, string reader)
    {
        await using var db = app.CreateDbContext();
        return [.. await db.Set<AuditedCustomer>()
            .Where(c => c.EntryId > after && db.AuditEntries.Any(e => e.Id == c.EntryId && e.ActorName == reader))
            .Select(c => c.CustomerId).ToListAsync()];
    }

    /// <summary>Customers in an answer, found without the app's own rule: customer numbers in the text, and any "…customerId" number.</summary>
    private async Task<HashSet<long>> CustomersShownAsync(string json)
    {
        var ids = CustomerIdProperty().Matches(json).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var numbers = CustomerNumber().Matches(json).Select(m => m.Value).Distinct().ToList();
        if (numbers.Count > 0)
        {
            await using var db = app.CreateDbContext();
            ids.UnionWith(await db.Customers.Where(c => numbers.Contains(c.CustomerNumber)).Select(c => c.Id).ToListAsync());
        }

        return ids;
    }

    private List<string> GetRoutes()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && !e.RoutePattern.RawText.StartsWith("/api/v1/audit", StringComparison.Ordinal)
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? false))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex IdInRoute();

    [GeneratedRegex(@"""\w*[cC]ustomerId""\s*:\s*(\d+)")]
    private static partial Regex CustomerIdProperty();

    [GeneratedRegex(@"\bC\d{6,}\b")]
    private static partial Regex CustomerNumber();
}

public sealed class ReadAuditTestsOnSqlite(SqliteApp app) : ReadAuditTests(app), IClassFixture<SqliteApp>;

public sealed class ReadAuditTestsOnPostgres(PostgresApp app) : ReadAuditTests(app), IClassFixture<PostgresApp>;
