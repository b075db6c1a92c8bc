using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Privacy;
using BankCrm.Data.Customers;
using BankCrm.Data.Privacy;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Privacy;

/// <summary>Corrections (PIPL Art. 46): proposed by staff, checked with the customer rules, applied by another person in compliance.</summary>
public abstract class PrivacyCorrectionTests(BankCrmApp app)
{
    [Fact]
    public async Task Compliance_applies_a_correction_proposed_by_an_rm_and_it_appears_in_the_change_history()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var compliance = await app.ClientForAsync("compliance1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("更正甲"));
        var request = await rm1.CreateRequestAsync(customer.Id, "Correction");
        var mobile = CustomerApi.NextMobile();

        var proposal = await ProposeAsync(rm1, request.Id, new Dictionary<string, string?> { ["Mobile"] = mobile });
        using var decision = await compliance.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections/{proposal.Id}/decision", new { approve = true, note = "已核对身份证原件" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var changes = await rm1.GetOkAsync<PagedResult<ChangeLine>>($"/api/v1/customers/{customer.Id}/changes");
        var line = Assert.Single(changes.Items, c => c.Field == "Mobile");
        Assert.Equal("compliance1", line.ChangedBy);
        var detail = await rm1.GetOkAsync<RequestDetail>($"/api/v1/privacy/requests/{request.Id}");
        Assert.Equal(RequestStatus.Completed, detail.Status);
        Assert.Equal(CorrectionState.Applied, Assert.Single(detail.Corrections).State);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PrivacyCorrectionApplied && e.CustomerId == customer.Id));
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.CustomerUpdated && e.CustomerId == customer.Id && e.ActorName == "compliance1"));
    }

    [Fact]
    public async Task The_proposer_cannot_approve_their_own_correction()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var compliance = await app.ClientForAsync("compliance1");
        var input = CustomerApi.Individual("更正自审");
        var customer = await rm1.CreateAsync(input);
        var request = await compliance.CreateRequestAsync(customer.Id, "Correction");
        var proposal = await ProposeAsync(compliance, request.Id, new Dictionary<string, string?> { ["Mobile"] = CustomerApi.NextMobile() });

        using var own = await compliance.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections/{proposal.Id}/decision", new { approve = true }, CustomerApi.Json);
        using var rm = await rm1.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections/{proposal.Id}/decision", new { approve = true }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("提出更正的人不能核准自己的更正（双人复核）", (await own.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, rm.StatusCode);
        var current = await rm1.GetOkAsync<Web.Customers.CustomerResponse>($"/api/v1/customers/{customer.Id}");
        Assert.Equal(customer.Version, current.Version);
    }

    [Fact]
    public async Task A_correction_that_breaks_a_customer_rule_is_refused_with_the_rule()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("更正无效"));
        var request = await rm1.CreateRequestAsync(customer.Id, "Correction");
        var valid = CustomerApi.NextIdNumber();
        var wrongCheckDigit = valid[..17] + (valid[17] == '0' ? "1" : "0");

        using var response = await rm1.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections", new { changes = new { IdNumber = wrongCheckDigit } }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["身份证号校验位错误"], (await response.ProblemAsync()).Errors("idNumber"));
    }

    [Fact]
    public async Task Rejecting_a_correction_needs_a_reason_and_leaves_the_customer_unchanged()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        using var compliance = await app.ClientForAsync("compliance1");
        var customer = await rm1.CreateAsync(CustomerApi.Individual("更正驳回"));
        var request = await rm1.CreateRequestAsync(customer.Id, "Correction");
        var proposal = await ProposeAsync(rm1, request.Id, new Dictionary<string, string?> { ["Occupation"] = "教师" });

        using var noReason = await compliance.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections/{proposal.Id}/decision", new { approve = false }, CustomerApi.Json);
        using var rejected = await compliance.PostAsJsonAsync($"/api/v1/privacy/requests/{request.Id}/corrections/{proposal.Id}/decision", new { approve = false, note = "客户未能提供证明" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var current = await rm1.GetOkAsync<Web.Customers.CustomerResponse>($"/api/v1/customers/{customer.Id}");
        Assert.Equal(customer.Version, current.Version);
        var detail = await rm1.GetOkAsync<RequestDetail>($"/api/v1/privacy/requests/{request.Id}");
        Assert.Equal(RequestStatus.InProgress, detail.Status);
        Assert.Equal(CorrectionState.Rejected, Assert.Single(detail.Corrections).State);
    }

    private static async Task<CorrectionLine> ProposeAsync(HttpClient client, long requestId, Dictionary<string, string?> changes)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/privacy/requests/{requestId}/corrections", new { changes }, CustomerApi.Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"proposing answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<CorrectionLine>(body, CustomerApi.Json)!;
    }
}

public sealed class PrivacyCorrectionTestsOnSqlite(SqliteApp app) : PrivacyCorrectionTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyCorrectionTestsOnPostgres(PostgresApp app) : PrivacyCorrectionTests(app), IClassFixture<PostgresApp>;
