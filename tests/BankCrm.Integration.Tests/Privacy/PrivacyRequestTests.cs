using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Holdings;
using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Privacy;

/// <summary>Logging, listing and moving data-subject requests; who may, and within which scope.</summary>
public abstract class PrivacyRequestTests(BankCrmApp app)
{
    [Fact]
    public async Task A_request_is_due_fifteen_days_after_it_was_received_and_audited()
    {
        var customer = await NewCustomerAsync("隐登记");
        using var agent = await app.ClientForAsync("agent1");

        var request = await agent.CreateRequestAsync(customer.Id, "Access");

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(15, request.DaysLeft);
        Assert.Equal(DeadlineState.OnTrack, request.Deadline);
        var entries = await app.EntriesAsync(e => e.Action == AuditActions.PrivacyRequestReceived && e.CustomerId == customer.Id);
        Assert.Contains($"\"requestId\":{request.Id}", Assert.Single(entries).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_cannot_be_completed_before_it_is_taken_and_the_error_says_so()
    {
        var customer = await NewCustomerAsync("隐跳步");
        using var agent = await app.ClientForAsync("agent1");
        var request = await agent.CreateRequestAsync(customer.Id, "Access");

        using var response = await agent.TransitionAsync(request.Id, "Completed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["请求须先受理（改为处理中）才能办结"], (await response.ProblemAsync()).Errors("status"));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_a_rejected_request_stays_rejected()
    {
        var customer = await NewCustomerAsync("隐拒绝");
        using var agent = await app.ClientForAsync("agent1");
        var request = await agent.CreateRequestAsync(customer.Id, "Erasure");

        using var noReason = await agent.TransitionAsync(request.Id, "Rejected");
        using var rejected = await agent.TransitionAsync(request.Id, "Rejected", "无法核实申请人身份");
        using var reopen = await agent.TransitionAsync(request.Id, "InProgress");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reopen.StatusCode);
        var detail = await agent.GetOkAsync<RequestDetail>($"/api/v1/privacy/requests/{request.Id}");
        Assert.Equal(RequestStatus.Rejected, detail.Status);
        Assert.Equal("无法核实申请人身份", detail.RejectionReason);
        Assert.Equal([RequestStatus.Received, RequestStatus.Rejected], detail.History.Select(h => h.To));
    }

    [Fact]
    public async Task The_list_shows_masked_names_soonest_due_first()
    {
        var customer = await NewCustomerAsync("隐列表");
        using var agent = await app.ClientForAsync("agent1");
        await agent.CreateRequestAsync(customer.Id, "Access");
        await agent.CreateRequestAsync(customer.Id, "Correction");

        var list = await agent.GetOkAsync<Core.Common.PagedResult<RequestListItem>>($"/api/v1/privacy/requests?customerId={customer.Id}");

        Assert.Equal(2, list.Total);
        Assert.All(list.Items, i => Assert.Equal("隐**", i.MaskedName));
        var all = await agent.GetOkAsync<Core.Common.PagedResult<RequestListItem>>("/api/v1/privacy/requests?pageSize=200");
        Assert.Equal(all.Items.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Select(i => i.Id), all.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Rm_cannot_see_or_log_a_request_for_another_rms_customer_and_the_attempt_is_audited()
    {
        var customer = await NewCustomerAsync("隐越权");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        var request = await rm1.CreateRequestAsync(customer.Id, "Access");

        using var get = await rm2.GetAsync($"/api/v1/privacy/requests/{request.Id}");
        using var create = await rm2.PostAsJsonAsync("/api/v1/privacy/requests", new { customerId = customer.Id, kind = "Access", channel = "Branch" }, CustomerApi.Json);
        using var export = await rm2.GetAsync($"/api/v1/privacy/requests/{request.Id}/export?format=json");
        var list = await rm2.GetOkAsync<Core.Common.PagedResult<RequestListItem>>($"/api/v1/privacy/requests?customerId={customer.Id}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(0, list.Total);
        var denied = await app.EntriesAsync(e => e.Action == AuditActions.CustomerAccessDenied && e.CustomerId == customer.Id && e.ActorName == "rm2");
        Assert.Equal(3, denied.Count);
        Assert.All(denied, e => Assert.Equal("privacy", e.Fields));
    }

    [Theory]
    [InlineData("teller1")]
    [InlineData("marketing1")]
    [InlineData("auditor1")]
    public async Task Roles_without_the_privacy_permission_are_refused(string user)
    {
        var customer = await NewCustomerAsync("隐无权");
        using var client = await app.ClientForAsync(user);

        using var list = await client.GetAsync("/api/v1/privacy/requests");
        using var create = await client.PostAsJsonAsync("/api/v1/privacy/requests", new { customerId = customer.Id, kind = "Access", channel = "Branch" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Deadline_counts_include_a_new_open_request()
    {
        var customer = await NewCustomerAsync("隐时限");
        using var compliance = await app.ClientForAsync("compliance1");
        var before = await compliance.GetOkAsync<DeadlineCounts>("/api/v1/privacy/deadlines");

        await compliance.CreateRequestAsync(customer.Id, "Access");

        var after = await compliance.GetOkAsync<DeadlineCounts>("/api/v1/privacy/deadlines");
        Assert.Equal(before.Open + 1, after.Open);
        Assert.Equal(before.Overdue, after.Overdue);
    }

    private async Task<Web.Customers.CustomerResponse> NewCustomerAsync(string name)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        return await rm1.CreateAsync(CustomerApi.Individual(name));
    }
}

public sealed class PrivacyRequestTestsOnSqlite(SqliteApp app) : PrivacyRequestTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyRequestTestsOnPostgres(PostgresApp app) : PrivacyRequestTests(app), IClassFixture<PostgresApp>;
