using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Consent;
using BankCrm.Data.Consent;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Consent;

/// <summary>授权同意 through the API: append-only history, deny by default, scoped like the customer.</summary>
public abstract class ConsentApiTests(BankCrmApp app)
{
    [Fact]
    public async Task A_new_customer_has_never_been_asked_about_anything()
    {
        var customer = await NewCustomerAsync("钱未问");
        using var rm1 = await app.ClientForAsync("rm1");

        var consents = await rm1.GetOkAsync<CustomerConsents>($"/api/v1/customers/{customer.Id}/consents");

        Assert.Equal(7, consents.Current.Count);
        Assert.All(consents.Current, s => Assert.Equal(ConsentState.NeverAsked, s.State));
        Assert.Empty(consents.History);
    }

    [Fact]
    public async Task Rm_records_a_grant_and_it_becomes_the_current_state()
    {
        var customer = await NewCustomerAsync("钱同意");
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents",
            new { purpose = "Marketing", channel = "Sms", granted = true, source = "Branch", evidenceNote = "开户时签署《个人信息授权书》" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var consents = await rm1.GetOkAsync<CustomerConsents>($"/api/v1/customers/{customer.Id}/consents");
        var sms = consents.Current.Single(s => s.Channel == ContactChannel.Sms);
        Assert.Equal(ConsentState.Granted, sms.State);
        Assert.Equal(ConsentSource.Branch, sms.Source);
        Assert.Equal(ConsentState.NeverAsked, consents.Current.Single(s => s.Channel == ContactChannel.Email).State);
        Assert.Equal(ConsentState.NeverAsked, consents.Current.Single(s => s.Purpose == ConsentPurpose.Profiling).State);
        var line = Assert.Single(consents.History);
        Assert.Equal("开户时签署《个人信息授权书》", line.EvidenceNote);
    }

    [Fact]
    public async Task Withdrawal_appends_a_record_and_keeps_the_grant_in_the_history()
    {
        var customer = await NewCustomerAsync("钱撤回");
        using var rm1 = await app.ClientForAsync("rm1");
        await PostOkAsync(rm1, customer.Id, new { purpose = "Profiling", granted = true, source = "App" });

        await PostOkAsync(rm1, customer.Id, new { purpose = "Profiling", granted = false, source = "Rm", evidenceNote = "客户来电要求停止个性化推荐" });

        var consents = await rm1.GetOkAsync<CustomerConsents>($"/api/v1/customers/{customer.Id}/consents");
        Assert.Equal(ConsentState.Withdrawn, consents.Current.Single(s => s.Purpose == ConsentPurpose.Profiling).State);
        Assert.Equal([false, true], consents.History.Select(h => h.Granted));
        await using var db = app.CreateDbContext();
        var rows = await db.ConsentRecords.Where(r => r.CustomerId == customer.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Granted);
        Assert.Null(rows[0].WithdrawnAt);
        Assert.NotNull(rows[1].WithdrawnAt);
        Assert.False(ConsentPolicy.MayProfile(rows, rows[1].RecordedAt));
    }

    [Fact]
    public async Task Teller_of_the_branch_records_consent_for_a_customer_of_an_rm()
    {
        var customer = await NewCustomerAsync("钱柜面");
        using var teller = await app.ClientForAsync("teller1");

        await PostOkAsync(teller, customer.Id, new { purpose = "Marketing", channel = "WeCom", granted = true, source = "Branch" });

        await using var db = app.CreateDbContext();
        var row = await db.ConsentRecords.SingleAsync(r => r.CustomerId == customer.Id);
        Assert.Equal(await db.Users.Where(u => u.UserName == "teller1").Select(u => u.Id).SingleAsync(), row.RecordedBy);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Rm_cannot_see_or_change_consents_of_another_rms_customer(string method)
    {
        var customer = await NewCustomerAsync("钱越权");
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = method == "GET"
            ? await rm2.GetAsync($"/api/v1/customers/{customer.Id}/consents")
            : await rm2.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Rm" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ConsentRecords.AnyAsync(r => r.CustomerId == customer.Id));
    }

    [Fact]
    public async Task Marketing_reads_consents_but_cannot_grant_itself_a_channel()
    {
        var customer = await NewCustomerAsync("钱营销");
        using var marketing = await app.ClientForAsync("marketing1");

        using var read = await marketing.GetAsync($"/api/v1/customers/{customer.Id}/consents");
        using var write = await marketing.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Rm" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Marketing_consent_without_a_channel_is_refused_with_the_rule()
    {
        var customer = await NewCustomerAsync("钱无渠道");
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/consents", new { purpose = "Marketing", granted = true, source = "Rm" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["营销同意须选择渠道"], (await response.ProblemAsync()).Errors("channel"));
    }

    private async Task<CustomerResponse> NewCustomerAsync(string name)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.CreateAsync(CustomerApi.Individual(name));
    }

    private static async Task PostOkAsync(HttpClient client, long customerId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents", body, CustomerApi.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST consents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class ConsentApiTestsOnSqlite(SqliteApp app) : ConsentApiTests(app), IClassFixture<SqliteApp>;

public sealed class ConsentApiTestsOnPostgres(PostgresApp app) : ConsentApiTests(app), IClassFixture<PostgresApp>;
