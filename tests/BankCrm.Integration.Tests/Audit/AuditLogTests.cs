using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Audit;

/// <summary>What the audit log records, who may read it, and that an untouched log verifies.</summary>
public abstract class AuditLogTests(BankCrmApp app)
{
    [Fact]
    public async Task A_token_login_writes_login_succeeded_and_a_wrong_password_login_failed()
    {
        using var client = app.CreateAnonymousClient();

        using var ok = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "compliance1", password = DemoStaff.Password });
        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "compliance1", password = "Wrong@99999" });
        using var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody-here", password = "Wrong@99999" });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var entries = await app.EntriesAsync(e => e.ActorName is "compliance1" or "nobody-here" && e.Action.StartsWith("login.", StringComparison.Ordinal));
        Assert.Equal([AuditActions.LoginSucceeded, AuditActions.LoginFailed, AuditActions.LoginFailed], entries.Select(e => e.Action));
        Assert.NotNull(entries[0].ActorId);
        Assert.Null(entries[2].ActorId);
        Assert.All(entries, e => Assert.DoesNotContain("Wrong@99999", e.Detail ?? string.Empty, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(DemoStaff.Password, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_login_through_the_form_is_recorded_too()
    {
        using var client = app.CreateAnonymousClient();

        using var wrong = await AuditClient.PostLoginFormAsync(client, "agent1", "Wrong@88888");
        using var ok = await AuditClient.PostLoginFormAsync(client, "agent1", DemoStaff.Password);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var entries = await app.EntriesAsync(e => e.ActorName == "agent1" && e.Action.StartsWith("login.", StringComparison.Ordinal));
        Assert.Equal([AuditActions.LoginFailed, AuditActions.LoginSucceeded], entries.Select(e => e.Action));
        Assert.Contains("page", entries[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_consent_writes_consent_recorded_for_that_customer()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var created = await rm1.CreateAsync(CustomerApi.Individual("周授权"));

        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{created.Id}/consents",
            new { purpose = "Marketing", channel = "Email", granted = false, source = "Rm" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(e => e.CustomerId == created.Id && e.Action == AuditActions.ConsentRecorded));
        Assert.Equal("rm1", entry.ActorName);
        Assert.Equal("Marketing:Email", entry.Fields);
        Assert.Contains("\"granted\":false", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_writes_customer_updated_with_masked_before_and_after()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var input = CustomerApi.Individual("孙审计");
        var created = await rm1.CreateAsync(input);
        var newMobile = CustomerApi.NextMobile();

        using var response = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = created.Version, mobile = newMobile, city = "杭州" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await app.EntriesAsync(e => e.CustomerId == created.Id);
        Assert.Equal([AuditActions.CustomerCreated, AuditActions.CustomerUpdated], entries.Select(e => e.Action));
        var updated = entries[1];
        Assert.Equal("rm1", updated.ActorName);
        Assert.Equal("Mobile,City", updated.Fields);
        Assert.DoesNotContain(input.Mobile!, updated.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(newMobile, updated.Detail, StringComparison.Ordinal);
        Assert.Contains(input.Mobile![..3] + "****" + input.Mobile[^4..], updated.Detail, StringComparison.Ordinal);
        Assert.Contains(newMobile[..3] + "****" + newMobile[^4..], updated.Detail, StringComparison.Ordinal);
        Assert.Contains("杭州", updated.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(input.IdNumber!, entries[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rm2_asking_for_a_customer_of_rm1_writes_customer_access_denied()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        var ofRm1 = await rm1.CreateAsync(CustomerApi.Individual("孙越权"));

        using var denied = await rm2.GetAsync($"/api/v1/customers/{ofRm1.Id}/360");
        using var missing = await rm2.GetAsync("/api/v1/customers/987654321/360");

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var entries = await app.EntriesAsync(e => e.ActorName == "rm2" && e.Action == AuditActions.CustomerAccessDenied);
        var entry = Assert.Single(entries, e => e.CustomerId == ofRm1.Id);
        Assert.Equal("360", entry.Fields);
        Assert.DoesNotContain(entries, e => e.CustomerId == 987654321);
    }

    [Fact]
    public async Task Reading_holdings_or_transactions_writes_one_viewed_sensitive_entry_per_request()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("孙持仓"));

        (await rm1.GetAsync($"/api/v1/customers/{customer.Id}/360")).Dispose();
        (await rm1.GetAsync($"/api/v1/customers/{customer.Id}/transactions")).Dispose();
        (await rm1.GetAsync($"/api/v1/customers/{customer.Id}/balance-trend")).Dispose();
        (await rm1.GetAsync($"/api/v1/customers/{customer.Id}/interactions")).Dispose();

        var entries = await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerViewedSensitive);
        Assert.Equal(["balances,transactions", "transactions", "balances"], entries.Select(e => e.Fields));
        Assert.All(entries, e => Assert.Equal("rm1", e.ActorName));
    }

    [Fact]
    public async Task Auditor_reads_the_audit_log_and_an_rm_is_refused()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var auditor = await app.ClientForAsync("auditor1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("孙查账"));

        using var refused = await rm1.GetAsync("/api/v1/audit");
        var page = await auditor.GetOkAsync<PagedResult<AuditLine>>($"/api/v1/audit?customer={customer.CustomerNumber}");
        var byAction = await auditor.GetOkAsync<PagedResult<AuditLine>>($"/api/v1/audit?user=rm1&action={AuditActions.CustomerCreated}&pageSize=200");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var line = Assert.Single(page.Items);
        Assert.Equal(AuditActions.CustomerCreated, line.Action);
        Assert.Equal(customer.CustomerNumber, line.CustomerNumber);
        Assert.Contains(byAction.Items, l => l.CustomerId == customer.Id);
        Assert.All(byAction.Items, l => Assert.Equal("rm1", l.ActorName));
    }

    [Fact]
    public async Task A_refused_update_writes_no_customer_updated_entry()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var created = await rm1.CreateAsync(CustomerApi.Individual("孙冲突"));
        (await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = created.Version, city = "苏州" })).Dispose();

        using var stale = await rm1.PutAsJsonAsync($"/api/v1/customers/{created.Id}", new { version = created.Version, city = "无锡" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var updates = await app.EntriesAsync(e => e.CustomerId == created.Id && e.Action == AuditActions.CustomerUpdated);
        Assert.Single(updates);
    }

    [Fact]
    public async Task Concurrent_requests_keep_the_chain_linear()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("孙并发"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => rm1.GetAsync($"/api/v1/customers/{customer.Id}/balance-trend")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(24, (await app.EntriesAsync(e => e.CustomerId == customer.Id && e.Action == AuditActions.CustomerViewedSensitive)).Count);
        var ids = (await app.EntriesAsync(_ => true)).Select(e => e.Id).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        Assert.True((await app.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Verify_on_an_untouched_log_is_intact_and_is_itself_recorded()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        await rm1.CreateAsync(CustomerApi.Individual("孙完整"));

        var result = await app.VerifyAsync();

        Assert.True(result.Intact, result.Message);
        Assert.True(result.Entries > 0);
        Assert.StartsWith($"audit log intact: {result.Entries} entries, last hash ", result.Message, StringComparison.Ordinal);
        var recorded = (await app.EntriesAsync(e => e.Action == AuditActions.AuditVerified)).Last();
        Assert.Equal("auditor1", recorded.ActorName);
    }
}

public sealed class AuditLogTestsOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogTestsOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;
