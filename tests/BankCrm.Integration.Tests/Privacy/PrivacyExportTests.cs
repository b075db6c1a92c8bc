using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Holdings;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Privacy;

/// <summary>The copy of PIPL Art. 45: all of one customer's data, nothing of anyone else's, handed out once and audited.</summary>
public abstract class PrivacyExportTests(BankCrmApp app)
{
    [Fact]
    public async Task Json_copy_holds_the_customers_transactions_and_consents_and_nothing_of_another_customer()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("副本甲") with { Email = "fuben.jia@example.com" };
        var customer = await rm1.CreateAsync(input);
        var other = CustomerApi.Individual("旁人乙");
        var otherCustomer = await rm1.CreateAsync(other);
        var accountId = await PrivacySeed.AccountAsync(app, customer.Id, AccountStatus.Active, transactions: 1200, lastDaysAgo: 1);
        await PrivacySeed.AccountAsync(app, otherCustomer.Id, AccountStatus.Active, transactions: 5, lastDaysAgo: 1);
        using (var consent = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Branch" }, CustomerApi.Json))
        {
            Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        }

        using var agent = await app.ClientForAsync("agent1");
        var request = await agent.CreateRequestAsync(customer.Id, "Access");
        await agent.TakeAsync(request.Id);

        using var response = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(request.Id, root.GetProperty("requestId").GetInt64());
        Assert.Equal(input.IdNumber, root.GetProperty("profile").GetProperty("idNumber").GetString());
        Assert.Equal(input.Mobile, root.GetProperty("profile").GetProperty("mobile").GetString());
        var transactions = root.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal(1200, transactions.Count);
        Assert.All(transactions, t => Assert.Equal(accountId, t.GetProperty("accountId").GetInt64()));
        var consent1 = Assert.Single(root.GetProperty("consents").EnumerateArray().ToList());
        Assert.Equal("Sms", consent1.GetProperty("channel").GetString());
        Assert.DoesNotContain(other.IdNumber!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Mobile!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("旁人乙", text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherCustomer.CustomerNumber, text, StringComparison.Ordinal);

        var audited = await app.EntriesAsync(e => e.Action == AuditActions.PrivacyExportGenerated && e.CustomerId == customer.Id);
        Assert.Contains($"\"requestId\":{request.Id}", Assert.Single(audited).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_copy_is_handed_out_once_and_only_to_the_member_of_staff_handling_the_request()
    {
        var customer = await NewCustomerAsync("副本一次");
        using var agent = await app.ClientForAsync("agent1");
        using var compliance = await app.ClientForAsync("compliance1");
        var request = await agent.CreateRequestAsync(customer.Id, "Access");

        using var beforeTaking = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        await agent.TakeAsync(request.Id);
        using var notHandler = await compliance.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        using var first = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        using var second = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        using var html = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=html");

        Assert.Equal(HttpStatusCode.BadRequest, beforeTaking.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notHandler.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal(2, (await app.EntriesAsync(e => e.Action == AuditActions.PrivacyExportGenerated && e.CustomerId == customer.Id)).Count);
    }

    [Fact]
    public async Task Html_copy_shows_a_script_name_as_text_and_never_runs_it()
    {
        const string Hostile = "<script>alert('x')</script>";
        using var rm1 = await app.ClientForAsync("rm1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual(Hostile));
        using var agent = await app.ClientForAsync("agent1");
        var request = await agent.CreateRequestAsync(customer.Id, "Access");
        await agent.TakeAsync(request.Id);

        using var response = await agent.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<h2>交易记录</h2>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    private async Task<Web.Customers.CustomerResponse> NewCustomerAsync(string name)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.CreateAsync(CustomerApi.Individual(name));
    }
}

public sealed class PrivacyExportTestsOnSqlite(SqliteApp app) : PrivacyExportTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyExportTestsOnPostgres(PostgresApp app) : PrivacyExportTests(app), IClassFixture<PostgresApp>;
