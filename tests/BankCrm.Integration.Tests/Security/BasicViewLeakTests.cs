using System.Net;
using System.Text.Json;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Security;

/// <summary>
/// Issue 11, finding 4: amounts inside task reasons only with asset access and a step-up; the names of a company's
/// legal representative and of the customer inside an outbox message masked for the basic view, as the name is.
/// </summary>
public abstract class BasicViewLeakTests(BankCrmApp app)
{
    private const string ReasonWithAmounts = "主要流失因素：资产余额 90 天内下降 70%（¥7.7 万 → ¥2.3 万）";
    private const string Representative = "王大明";

    [Theory]
    [InlineData("rm1", false)]
    [InlineData("manager1", false)]
    [InlineData("stepped-up rm", true)]
    public async Task Task_reasons_show_amounts_only_after_a_step_up(string who, bool amountsShown)
    {
        var (client, ownerId) = who == "stepped-up rm" ? await SteppedUpRmAsync() : (await app.ClientWithoutStepUpAsync(who), await UserIdAsync("rm1"));
        using var _ = client;
        var customer = await CustomerAsync(CustomerType.Individual, "钱多多" + Suffix(), ownerId);
        var taskId = await TaskAsync(customer, ReasonWithAmounts);
        var path = who == "manager1" ? $"/api/v1/tasks/team/tasks?pageSize=100&ownerId={ownerId}" : "/api/v1/tasks?pageSize=100";

        var listed = await GetJsonAsync(client, path);
        var one = await GetJsonAsync(client, $"/api/v1/tasks/{taskId}");

        var reason = listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == taskId).GetProperty("reason").GetString();
        var expected = amountsShown ? ReasonWithAmounts : "主要流失因素：资产余额 90 天内下降 70%（¥*** → ¥***）";
        Assert.Equal(expected, reason);
        Assert.Equal(expected, one.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("teller1")]
    [InlineData("marketing1")]
    public async Task Roles_without_a_task_inbox_see_no_task_reasons(string userName)
    {
        using var client = await app.ClientForAsync(userName);

        using var inbox = await client.GetAsync("/api/v1/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, inbox.StatusCode);
    }

    [Theory]
    [InlineData("teller1", false)]
    [InlineData("marketing1", false)]
    [InlineData("rm1", true)]
    [InlineData("stepped-up rm", true)]
    public async Task The_legal_representative_is_masked_like_the_name_in_the_basic_view(string who, bool fullView)
    {
        var (client, ownerId) = who == "stepped-up rm" ? await SteppedUpRmAsync() : (await app.ClientForAsync(who), await UserIdAsync("rm1"));
        using var _ = client;
        var name = "测试贸易有限公司" + Suffix();
        var company = await CustomerAsync(CustomerType.Corporate, name, ownerId);

        var customer = await GetJsonAsync(client, $"/api/v1/customers/{company}");
        var body = customer.GetRawText();

        Assert.Equal(fullView ? name : Masking.Name(name), customer.GetProperty("name").GetString());
        Assert.Equal(fullView ? Representative : "王**", customer.GetProperty("legalRepresentative").GetString());
        if (!fullView)
        {
            Assert.DoesNotContain(Representative, body, StringComparison.Ordinal);
            Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("marketing1", false)]
    [InlineData("compliance1", true)]
    public async Task An_outbox_message_names_the_company_as_the_same_response_does(string userName, bool fullView)
    {
        var name = "测试进出口贸易有限公司" + Suffix();
        var company = await CustomerAsync(CustomerType.Corporate, name, await UserIdAsync("rm1"));
        var messageId = await DeliveredMessageAsync(company, name);
        using var client = await app.ClientForAsync(userName);

        var detail = await GetJsonAsync(client, $"/api/v1/outbox/{messageId}");
        var listed = await GetJsonAsync(client, $"/api/v1/outbox?customerId={company}");
        var sink = await GetJsonAsync(client, "/api/v1/outbox/sink?pageSize=100");

        var shown = fullView ? name : Masking.Name(name);
        Assert.Equal(shown, detail.GetProperty("message").GetProperty("customerName").GetString());
        Assert.Equal($"尊敬的{shown}：您的年度账单已生成。", detail.GetProperty("body").GetString());
        Assert.Equal($"{shown} 年度回馈", detail.GetProperty("message").GetProperty("subject").GetString());
        Assert.Equal($"尊敬的{shown}：您的年度账单已生成。", detail.GetProperty("delivered").GetProperty("body").GetString());
        Assert.Equal($"{shown} 年度回馈", Assert.Single(listed.GetProperty("messages").GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());
        var delivered = sink.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("outboundMessageId").GetInt64() == messageId);
        Assert.Equal(shown, delivered.GetProperty("customerName").GetString());
        Assert.Equal($"尊敬的{shown}：您的年度账单已生成。", delivered.GetProperty("body").GetString());
        if (!fullView)
        {
            Assert.DoesNotContain(name, detail.GetRawText() + listed.GetRawText() + delivered.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("teller1")]
    [InlineData("rm1")]
    public async Task Roles_without_the_outbox_read_no_message(string userName)
    {
        using var client = await app.ClientForAsync(userName);

        using var list = await client.GetAsync("/api/v1/outbox");
        using var sink = await client.GetAsync("/api/v1/outbox/sink");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sink.StatusCode);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private async Task<(HttpClient Client, string UserId)> SteppedUpRmAsync()
    {
        var rm = await SteppedUpStaff.CreateAsync(app, StaffRole.RelationshipManager);
        return (await rm.SteppedUpClientAsync(app), rm.UserId);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<long> CustomerAsync(CustomerType type, string name, string rmId)
    {
        await using var db = app.CreateDbContext();
        var profile = type == CustomerType.Corporate
            ? new CustomerProfile { Type = type, Name = name, Industry = "贸易", LegalRepresentative = Representative, Province = "上海市", City = "上海市" }
            : new CustomerProfile { Type = type, Name = name, Province = "上海市", City = "上海市" };
        var customer = Customer.Create("T" + Guid.NewGuid().ToString("N")[..11], profile, DemoStaff.HomeBranchId, rmId, TimeProvider.System.GetUtcNow().UtcDateTime);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private async Task<long> TaskAsync(long customerId, string reason)
    {
        await using var db = app.CreateDbContext();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return await TaskWriter.CreateAsync(
            db, new NewTask(customerId, "流失预警回访", reason, TaskSource.Playbook, $"test:{Guid.NewGuid():N}", TaskUrgency.High, now.AddDays(1), "test"), now, CancellationToken.None);
    }

    private async Task<long> DeliveredMessageAsync(long customerId, string name)
    {
        await using var db = app.CreateDbContext();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var message = new OutboundMessage
        {
            IdempotencyKey = "test:" + Guid.NewGuid().ToString("N"), CustomerId = customerId, Channel = ContactChannel.Sms, Purpose = MessagePurpose.Service,
            Source = MessageSource.Manual, Subject = $"{name} 年度回馈", Body = $"尊敬的{name}：您的年度账单已生成。", Status = MessageStatus.Sent,
            CreatedAt = now, NextAttemptAt = now, SentAt = now, CreatedBy = "test",
        };
        db.OutboundMessages.Add(message);
        await db.SaveChangesAsync();
        db.DeliveredMessages.Add(new DeliveredMessage
        {
            OutboundMessageId = message.Id, CustomerId = customerId, Channel = ContactChannel.Sms, MaskedRecipient = "138****0000",
            Subject = message.Subject, Body = message.Body, DeliveredAt = now, DeliveredBy = "test",
        });
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class BasicViewLeakTestsOnSqlite(SqliteApp app) : BasicViewLeakTests(app), IClassFixture<SqliteApp>;

public sealed class BasicViewLeakTestsOnPostgres(PostgresApp app) : BasicViewLeakTests(app), IClassFixture<PostgresApp>;
