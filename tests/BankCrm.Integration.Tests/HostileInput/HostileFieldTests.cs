using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace BankCrm.Integration.Tests.HostileInput;

/// <summary>
/// Every naughty string through every field a user can type into (issue 3 item 10, checklist V1–V3, L6): never a
/// 500; what is accepted reads back exactly as stored after the documented normalisation (NFKC, invisible and control
/// characters removed, trimmed); what is refused is a 400 naming the field; customers stored before are unchanged.
/// </summary>
public abstract class HostileFieldTests(BankCrmApp app, ITestOutputHelper output)
{
    private static readonly string[] TextFields = ["province", "city", "district", "addressLine", "occupation", "industry"];
        // A new ID number is checked against the stored birth date and gender too.
    private static readonly string[] IdentifierFields = ["email", "mobile", "idNumber", "birthDate", "gender"];

    [Fact]
    public async Task Every_naughty_string_in_every_customer_consent_search_audit_and_token_field_is_kept_exactly_or_refused_by_field()
    {
        var host = await HostileHost.ForAsync(app);
        using var rm = await host.ClientForAsync("rm1");
        using var auditor = await host.ClientForAsync("auditor1");
        using var anonymous = host.Anonymous();
        var before = await host.ChecksumOfEarlyCustomersAsync(30);
        var fallback = await rm.CreateAsync(CustomerApi.Individual("模糊备用"));
        var strings = NaughtyStrings.All();
        Assert.True(strings.Count > 500, $"only {strings.Count} naughty strings: is blns.txt complete?");
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(strings.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (item, _) =>
        {
            var (s, i) = item;
            try
            {
                await FuzzOneAsync(host, rm, auditor, anonymous, s, i, fallback.Id, failures);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Enqueue($"{HostileHost.Show(s)}: {ex.GetType().Name}: {ex.Message}");
            }
        });

        output.WriteLine($"{strings.Count} strings × 7 requests on {app.Provider} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(80)));
        Assert.Equal(before, await host.ChecksumOfEarlyCustomersAsync(30));
        using var verify = await auditor.PostAsync("/api/v1/audit/verify", content: null);
        Assert.Contains("\"intact\":true", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task FuzzOneAsync(HostileHost host, HttpClient rm, HttpClient auditor, HttpClient anonymous, string s, int i, long fallbackId, ConcurrentQueue<string> failures)
    {
        void Fail(string where, string? what)
        {
            if (what is not null)
            {
                failures.Enqueue($"{where} {HostileHost.Show(s)}: {what}");
            }
        }

        var stored = HostileHost.Stored(s);

        // 1. Create: the free-text fields carry the string, the identifiers are valid.
        var create = new Dictionary<string, object?> { ["type"] = "Individual", ["name"] = $"模糊测试{i}", ["idNumber"] = CustomerApi.NextIdNumber(), ["mobile"] = CustomerApi.NextMobile() };
        foreach (var field in TextFields)
        {
            create[field] = s;
        }

        using var created = await rm.PostAsJsonAsync("/api/v1/customers", create);
        Fail("POST customers", await HostileHost.ProblemOrSuccessAsync(created, TextFields));
        CustomerResponse? customer = null;
        if (created.StatusCode == HttpStatusCode.Created)
        {
            customer = JsonSerializer.Deserialize<CustomerResponse>(await created.Content.ReadAsStringAsync(), CustomerApi.Json)!;
            await using var db = host.App.CreateDbContext();
            var row = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
            (string Field, string? Value)[] read = [("province", row.Province), ("city", row.City), ("district", row.District), ("addressLine", row.AddressLine), ("occupation", row.Occupation), ("industry", row.Industry)];
            foreach (var (field, value) in read.Where(r => r.Value != stored))
            {
                Fail("POST customers", $"{field} stored as {HostileHost.Show(value ?? "<null>")}");
            }
        }
        else if (created.StatusCode == HttpStatusCode.BadRequest && stored is { Length: <= 200 })
        {
            Fail("POST customers", "refused a text within every rule: " + string.Join(",", await HostileHost.ErrorFieldsAsync(created)));
        }

        // 2. Update the name of that customer, then its identifiers; both must be kept exactly or refused by field.
        if (customer is not null)
        {
            using var renamed = await rm.PutAsJsonAsync($"/api/v1/customers/{customer.Id}", new { version = customer.Version, name = s });
            Fail("PUT name", await HostileHost.ProblemOrSuccessAsync(renamed, ["name"]));
            var version = customer.Version;
            if (renamed.StatusCode == HttpStatusCode.OK)
            {
                var after = JsonSerializer.Deserialize<CustomerResponse>(await renamed.Content.ReadAsStringAsync(), CustomerApi.Json)!;
                version = after.Version;
                await using var db = host.App.CreateDbContext();
                var name = await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Name).SingleAsync();
                if (name != stored || after.Name != stored)
                {
                    Fail("PUT name", $"stored as {HostileHost.Show(name)}, answered {HostileHost.Show(after.Name)}");
                }
            }
            else if (renamed.StatusCode == HttpStatusCode.BadRequest && stored is { Length: > 0 and <= 100 })
            {
                Fail("PUT name", "refused a name within every rule");
            }

            using var identifiers = await rm.PutAsJsonAsync($"/api/v1/customers/{customer.Id}", new { version, email = s, mobile = s, idNumber = s });
            if (identifiers.StatusCode != HttpStatusCode.Conflict)
            {
                Fail("PUT identifiers", await HostileHost.ProblemOrSuccessAsync(identifiers, IdentifierFields));
            }
        }

        // 3. Search box.
        using var search = await rm.GetAsync("/api/v1/customers?q=" + Uri.EscapeDataString(s));
        Fail("GET customers?q", await HostileHost.ProblemOrSuccessAsync(search, ["q"]));

        // 4. Consent evidence note, on this customer or one made for the purpose (never a customer stored before).
        var consentCustomer = customer?.Id ?? fallbackId;
        using var consent = await rm.PostAsJsonAsync($"/api/v1/customers/{consentCustomer}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Rm", evidenceNote = s });
        Fail("POST consents", await HostileHost.ProblemOrSuccessAsync(consent, ["evidenceNote"]));
        if (consent.StatusCode == HttpStatusCode.Created)
        {
            var line = await consent.Content.ReadFromJsonAsync<JsonElement>();
            var note = line.GetProperty("evidenceNote").ValueKind == JsonValueKind.Null ? null : line.GetProperty("evidenceNote").GetString();
            if (note != stored)
            {
                Fail("POST consents", $"evidence note kept as {HostileHost.Show(note ?? "<null>")}");
            }
        }

        // 5. The auditor's filters.
        var q = Uri.EscapeDataString(s);
        using var audit = await auditor.GetAsync($"/api/v1/audit?user={q}&customer={q}&action={q}");
        Fail("GET audit", await HostileHost.ProblemOrSuccessAsync(audit, ["user", "customer", "action"]));

        // 6. The token endpoint: never a token, never a 500.
        using var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = s, password = s });
        if (token.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest))
        {
            Fail("POST token", $"{(int)token.StatusCode}");
        }
        else
        {
            Fail("POST token", await HostileHost.ProblemOrSuccessAsync(token, ["userName", "password"]));
        }
    }
}

public sealed class HostileFieldTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : HostileFieldTests(app, output), IClassFixture<SqliteApp>;

public sealed class HostileFieldTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : HostileFieldTests(app, output), IClassFixture<PostgresApp>;
