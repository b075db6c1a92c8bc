using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using BankCrm.Web.Engagement.Outreach;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>The outbox, suppression and channel-preference API: who may do what, scope, validation and audit.</summary>
public abstract class OutboxApiTests(BankCrmApp app)
{
    private readonly OutreachWorld world = new(app);

    [Fact]
    public async Task Marketing_lists_the_outbox_with_counts_per_status_and_the_block_reason()
    {
        var customer = await world.CustomerAsync("欧列表");
        var id = await world.EnqueueAsync(customer, ContactChannel.WeCom, MessagePurpose.Marketing, OutreachWorld.ChinaAt(2, 10));
        await world.DispatchAsync(OutreachWorld.ChinaAt(2, 10));
        using var marketing = await app.ClientForAsync("marketing1");

        var list = await marketing.GetOkAsync<OutboxListResponse>($"/api/v1/outbox?customerId={customer}&status=Blocked");
        var detail = await marketing.GetOkAsync<OutboxMessageDetail>($"/api/v1/outbox/{id}");

        var item = Assert.Single(list.Messages.Items);
        Assert.Equal("客户未同意通过企业微信接收营销信息", item.StatusReason);
        Assert.Equal("欧**", item.CustomerName);
        Assert.Equal(1, list.Counts[MessageStatus.Blocked]);
        Assert.Equal(MessageStatus.Blocked, detail.Message.Status);
        Assert.Null(detail.Delivered);
    }

    [Theory]
    [InlineData("rm1", "/api/v1/outbox")]
    [InlineData("rm1", "/api/v1/suppressions")]
    [InlineData("teller1", "/api/v1/outbox/sink")]
    [InlineData("marketing1", "/api/v1/staff")]
    public async Task Roles_without_the_permission_get_403(string user, string url)
    {
        using var client = await app.ClientForAsync(user);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_rm_opening_the_outbox_page_is_sent_to_the_denied_page()
    {
        using var client = app.CreateAnonymousClient();
        (await AccountForms.SignInAsDemoAsync(app, client, "rm1")).Dispose();

        using var refused = await client.GetAsync("/engagement/outbox");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.LocationPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compliance_reads_the_outbox_but_cannot_resend_or_keep_the_suppression_list()
    {
        using var compliance = await app.ClientForAsync("compliance1");

        using var read = await compliance.GetAsync("/api/v1/outbox");
        using var resend = await compliance.PostAsync("/api/v1/outbox/1/resend", content: null);
        using var add = await compliance.PostAsJsonAsync("/api/v1/suppressions", new { customerId = 1, reason = "测试" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resend.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
    }

    [Fact]
    public async Task Resending_a_message_that_is_not_a_dead_letter_is_refused_with_409()
    {
        var customer = await world.CustomerAsync("欧重发");
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Service, OutreachWorld.ChinaAt(2, 12));
        using var marketing = await app.ClientForAsync("marketing1");

        using var response = await marketing.PostAsync($"/api/v1/outbox/{id}/resend", content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("只有死信可以重发", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Marketing_suppresses_a_customer_the_next_message_is_blocked_and_removal_is_audited()
    {
        var customer = await world.CustomerAsync("欧免扰");
        await world.ConsentAsync(customer, ContactChannel.Sms);
        using var marketing = await app.ClientForAsync("marketing1");
        var number = (await marketing.GetOkAsync<JsonElement>($"/api/v1/customers/{customer}")).GetProperty("customerNumber").GetString();

        using var added = await marketing.PostAsJsonAsync("/api/v1/suppressions", new { customerNumber = number, channel = "Sms", reason = "客户来电投诉营销短信" }, CustomerApi.Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entryId = (await added.Content.ReadFromJsonAsync<SuppressionCreated>())!.Id;
        var id = await world.EnqueueAsync(customer, ContactChannel.Sms, MessagePurpose.Marketing, OutreachWorld.ChinaAt(2, 13));
        await world.DispatchAsync(OutreachWorld.ChinaAt(2, 13));
        using var removed = await marketing.DeleteAsync($"/api/v1/suppressions/{entryId}");
        using var removedAgain = await marketing.DeleteAsync($"/api/v1/suppressions/{entryId}");

        Assert.Equal("客户在免打扰名单中（短信）：客户来电投诉营销短信", (await world.MessageAsync(id)).StatusReason);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removedAgain.StatusCode);
        var audit = await app.EntriesAsync(e => e.CustomerId == customer && e.ActorName == "marketing1");
        Assert.Equal([AuditActions.SuppressionAdded, AuditActions.SuppressionRemoved], audit.Where(e => e.Action.StartsWith("suppression", StringComparison.Ordinal)).Select(e => e.Action));
        var ended = await marketing.GetOkAsync<JsonElement>("/api/v1/suppressions?active=false&pageSize=200");
        Assert.Contains(ended.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetInt64() == entryId && !e.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_suppression_without_reason_or_with_a_past_date_is_refused_naming_the_fields()
    {
        using var marketing = await app.ClientForAsync("marketing1");

        using var response = await marketing.PostAsJsonAsync("/api/v1/suppressions", new { customerNumber = "C-NOBODY", reason = " ", until = "2020-01-01" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(["找不到该客户，请核对客户号"], problem.Errors("customerNumber"));
        Assert.Equal(["请填写加入免打扰名单的原因"], problem.Errors("reason"));
        Assert.Equal(["截止日期不能早于今天"], problem.Errors("until"));
    }

    [Fact]
    public async Task The_rm_sets_channel_preferences_of_an_own_customer_audited_and_marketing_cannot()
    {
        var customer = await world.CustomerAsync("欧偏好");
        using var rm1 = await app.ClientForAsync("rm1");
        using var marketing = await app.ClientForAsync("marketing1");

        var defaults = await rm1.GetOkAsync<CustomerChannelPreferences>($"/api/v1/customers/{customer}/channel-preferences");
        using var set = await rm1.PutAsJsonAsync($"/api/v1/customers/{customer}/channel-preferences", new { preferences = new[] { new { channel = "Email", score = 95 } } }, CustomerApi.Json);
        using var refused = await marketing.PutAsJsonAsync($"/api/v1/customers/{customer}/channel-preferences", new { preferences = new[] { new { channel = "Sms", score = 100 } } }, CustomerApi.Json);
        using var invalid = await rm1.PutAsJsonAsync($"/api/v1/customers/{customer}/channel-preferences", new { preferences = new[] { new { channel = "Sms", score = 101 } } }, CustomerApi.Json);

        Assert.Equal(ContactChannel.Sms, defaults.Channels[0].Channel);
        Assert.All(defaults.Channels, c => Assert.Equal(PreferenceSource.Default, c.Source));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = (await set.Content.ReadFromJsonAsync<CustomerChannelPreferences>(CustomerApi.Json))!;
        Assert.Equal((ContactChannel.Email, 95, PreferenceSource.Staff), (after.Channels[0].Channel, after.Channels[0].Score, after.Channels[0].Source));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["分数须在 0 到 100 之间"], (await invalid.ProblemAsync()).Errors("preferences[0].score"));
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.ChannelPreferenceSet));
    }

    [Fact]
    public async Task Another_rms_customer_answers_404_for_channel_preferences_and_the_refusal_is_audited()
    {
        var customer = await world.CustomerAsync("欧越权");
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await rm2.GetAsync($"/api/v1/customers/{customer}/channel-preferences");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.CustomerAccessDenied && e.ActorName == "rm2"));
    }

    [Fact]
    public async Task A_response_is_recorded_once_and_raises_the_channel_score_by_ten()
    {
        var customer = await world.CustomerAsync("欧回应");
        var id = await world.EnqueueAsync(customer, ContactChannel.WeCom, MessagePurpose.Service, OutreachWorld.ChinaAt(2, 14));
        await world.DispatchAsync(OutreachWorld.ChinaAt(2, 14));
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");

        using var first = await rm1.PostAsJsonAsync($"/api/v1/outbox/{id}/response", new { note = "客户在企业微信回复了" }, CustomerApi.Json);
        using var again = await rm1.PostAsJsonAsync($"/api/v1/outbox/{id}/response", new { note = "重复回调" }, CustomerApi.Json);
        using var outOfScope = await rm2.PostAsJsonAsync($"/api/v1/outbox/{id}/response", new { note = "越权" }, CustomerApi.Json);

        Assert.True((await first.Content.ReadFromJsonAsync<ResponseRecorded>())!.First);
        Assert.False((await again.Content.ReadFromJsonAsync<ResponseRecorded>())!.First);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.NotNull((await world.MessageAsync(id)).RespondedAt);
        var preferences = await rm1.GetOkAsync<CustomerChannelPreferences>($"/api/v1/customers/{customer}/channel-preferences");

        // Senior default for WeCom is 30: one send (−1) and one response (+10).
        var wecom = preferences.Channels.Single(c => c.Channel == ContactChannel.WeCom);
        Assert.Equal((39, PreferenceSource.Learned), (wecom.Score, wecom.Source));
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.OutboxResponseRecorded));
    }

    [Fact]
    public async Task Template_validation_names_the_field_and_a_preview_keeps_hostile_text_literal()
    {
        using var marketing = await app.ClientForAsync("marketing1");

        using var bad = await marketing.PostAsJsonAsync("/api/v1/outbox/templates/validate", new { subject = "提醒", body = "{{7*7}}" }, CustomerApi.Json);
        using var good = await marketing.PostAsJsonAsync("/api/v1/outbox/templates/validate", new { subject = "{{ product_name }}", body = "{{ customer_name }} ${jndi:ldap://x} @(1+1)" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.StartsWith("正文模板：模板语法错误", Assert.Single((await bad.ProblemAsync()).Errors("body")), StringComparison.Ordinal);
        var preview = (await good.Content.ReadFromJsonAsync<TemplatePreview>())!;
        Assert.Equal("张先生 ${jndi:ldap://x} @(1+1)", preview.Body);
        Assert.Equal("稳健理财 90 天", preview.Subject);
    }
}

public sealed class OutboxApiTestsOnSqlite(SqliteApp app) : OutboxApiTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxApiTestsOnPostgres(PostgresApp app) : OutboxApiTests(app), IClassFixture<PostgresApp>;
