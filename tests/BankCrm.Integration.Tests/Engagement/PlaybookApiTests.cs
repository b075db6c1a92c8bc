using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BankCrm.Core.Audit;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

public abstract partial class PlaybookTests
{
    [Fact]
    public async Task Marketing_edits_a_shipped_playbook_an_invalid_edit_is_refused_naming_the_field_and_an_RM_may_not_edit()
    {
        using var marketing = await app.ClientForAsync("marketing1");
        var list = await marketing.GetOkAsync<JsonElement>("/api/v1/playbooks");
        var welcome = list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == ShippedPlaybooks.Welcome);
        Assert.True(welcome.GetProperty("enabled").GetBoolean());
        Assert.Equal(ShippedPlaybooks.All.Count, list.EnumerateArray().Count(p => p.GetProperty("shipped").GetBoolean()));
        var id = welcome.GetProperty("id").GetInt64();
        var playbook = JsonNode.Parse((await marketing.GetOkAsync<JsonElement>($"/api/v1/playbooks/{id}")).GetRawText())!.AsObject();
        Assert.Empty(playbook["problems"]!.AsArray());

        var invalid = playbook.DeepClone().AsObject();
        invalid["steps"]![0]!["template"] = "您的余额是 {{ balance }}";
        invalid["trigger"]!["hours"] = 0;
        using var refused = await marketing.PutAsJsonAsync($"/api/v1/playbooks/{id}", invalid);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.StartsWith("第 1 步（发送消息）：模板只能使用这些变量", problem.Errors("steps[0].template")[0], StringComparison.Ordinal);
        Assert.Contains("开户后的小时数必须在 1 到 720 之间", problem.Errors("trigger.hours")[0], StringComparison.Ordinal);

        using var rm1 = await app.ClientForAsync("rm1");
        using var rmList = await rm1.GetAsync("/api/v1/playbooks");
        using var rmEdit = await rm1.PutAsJsonAsync($"/api/v1/playbooks/{id}", playbook);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (rmList.StatusCode, rmEdit.StatusCode));

        var edited = playbook.DeepClone().AsObject();
        edited["steps"]![0]!["subject"] = "您的专属服务指南（新版）";
        using var saved = await marketing.PutAsJsonAsync($"/api/v1/playbooks/{id}", edited);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("您的专属服务指南（新版）", after.GetProperty("steps")[0].GetProperty("subject").GetString());
        Assert.Equal(playbook["version"]!.GetValue<int>() + 1, after.GetProperty("version").GetInt32());
        var audited = Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PlaybookSaved && e.Detail!.Contains($"#{id},", StringComparison.Ordinal)));
        Assert.Equal("marketing1", audited.ActorName);

        // The same edit again names the version it started from, which is no longer current.
        using var stale = await marketing.PutAsJsonAsync($"/api/v1/playbooks/{id}", edited);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal("您的专属服务指南（新版）", JsonNode.Parse((await db.Playbooks.SingleAsync(p => p.Id == id)).Steps)![0]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Marketing_creates_a_playbook_disabled_enables_it_and_reads_its_statistics()
    {
        using var marketing = await app.ClientForAsync("marketing1");
        var request = new
        {
            name = "生日祝福",
            description = "个人客户生日当天的问候",
            trigger = new { kind = "Birthday" },
            conditions = (object?)null,
            steps = new object[]
            {
                new { kind = "SendMessage", purpose = "Marketing", subject = "生日快乐", template = "{{ customer_name }}，祝您生日快乐！" },
                new { kind = "CreateTask", taskTitle = "生日问候回访", urgency = "Low", dueInDays = 2 },
            },
            exitRules = new { maxDays = 3 },
        };
        using var created = await marketing.PostAsJsonAsync("/api/v1/playbooks", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.StartsWith("pb-", body.GetProperty("code").GetString(), StringComparison.Ordinal);

        using var enabled = await marketing.PostAsync($"/api/v1/playbooks/{id}/enable", null);
        Assert.True((await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enabled").GetBoolean());
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PlaybookEnabled && e.Detail!.Contains($"#{id},", StringComparison.Ordinal)));

        var stats = await marketing.GetOkAsync<JsonElement>($"/api/v1/playbooks/{id}/stats");
        Assert.Equal(0, stats.GetProperty("enrolments").GetProperty("active").GetInt32());

        using var noSteps = await marketing.PostAsJsonAsync("/api/v1/playbooks", request with { steps = Array.Empty<object>(), name = "" });
        var problem = await noSteps.ProblemAsync();
        Assert.Equal("至少需要一个步骤", problem.Errors("steps")[0]);
        Assert.Contains("策略名称必填", problem.Errors("name")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journeys_of_a_customer_out_of_scope_answer_404_and_the_refusal_is_audited()
    {
        var customer = await world.NewCustomerAsync("尉迟越权");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        using var teller = await app.ClientForAsync("teller1");

        using var own = await rm1.GetAsync($"/api/v1/customers/{customer}/journeys");
        using var other = await rm2.GetAsync($"/api/v1/customers/{customer}/journeys");
        using var basic = await teller.GetAsync($"/api/v1/customers/{customer}/journeys");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (own.StatusCode, other.StatusCode, basic.StatusCode));
        Assert.DoesNotContain("尉迟", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.CustomerAccessDenied && e.CustomerId == customer && e.ActorName == "rm2" && e.Fields == "journeys"));
    }
}
