using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>记录互动 and the customer timeline over HTTP: validated, scoped, audited, linked to tasks.</summary>
public abstract class InteractionApiTests(BankCrmApp app)
{
    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Logging_an_interaction_validates_each_field_and_writes_nothing_when_one_is_wrong()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互校验");
        using var rm1 = await app.ClientForAsync("rm1");

        using var response = await TaskWorld.PostAsync(rm1, $"/api/v1/customers/{customer}/interactions",
            new { channel = "App", summary = " ", outcome = "很好", nextStep = new string('步', 501), occurredAt = Now.AddDays(1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Single(problem.Errors("channel"));
        Assert.Equal(["请填写互动内容"], problem.Errors("summary"));
        Assert.Single(problem.Errors("outcome"));
        Assert.Equal(["下一步不能超过 500 个字"], problem.Errors("nextStep"));
        Assert.Equal(["互动时间不能晚于当前时间"], problem.Errors("occurredAt"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Interactions.AnyAsync(i => i.CustomerId == customer));
        Assert.Empty(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.InteractionLogged));
    }

    [Fact]
    public async Task A_logged_interaction_heads_the_timeline_of_messages_journey_steps_and_tasks()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互时间线");
        await SeedHistoryAsync(customer);
        using var rm1 = await app.ClientForAsync("rm1");

        using var logged = await TaskWorld.PostAsync(rm1, $"/api/v1/customers/{customer}/interactions",
            new { channel = "Visit", summary = "上门拜访 介绍养老理财", outcome = "已联系-有意向", nextStep = "下周送产品说明书" });
        var timeline = await rm1.GetOkAsync<PagedResult<TimelineEntry>>($"/api/v1/customers/{customer}/timeline");

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(
            [TimelineKind.Interaction, TimelineKind.Message, TimelineKind.Message, TimelineKind.JourneyStep, TimelineKind.Task],
            timeline.Items.Select(e => e.Kind));
        Assert.Equal(5, timeline.Total);
        var visit = timeline.Items[0];
        Assert.Equal(("上门拜访 介绍养老理财", "已联系-有意向", "下周送产品说明书", "李明"), (visit.Title, visit.Detail, visit.NextStep, visit.StaffName));
        Assert.Equal(InteractionChannel.Visit, visit.InteractionChannel);
        Assert.Equal((MessageStatus.Sent, ContactChannel.Sms, "理财到期提醒"), (timeline.Items[1].MessageStatus, timeline.Items[1].MessageChannel, timeline.Items[1].Title));
        Assert.Equal((MessageStatus.Blocked, "未授权短信营销"), (timeline.Items[2].MessageStatus, timeline.Items[2].Detail));
        Assert.Equal(("流失预警唤醒", StepKind.SendMessage), (timeline.Items[3].Title, timeline.Items[3].StepKind));
        Assert.Equal(WorkTaskStatus.Open, timeline.Items[4].TaskStatus);

        var second = await rm1.GetOkAsync<PagedResult<TimelineEntry>>($"/api/v1/customers/{customer}/timeline?page=2&pageSize=2");
        Assert.Equal([TimelineKind.Message, TimelineKind.JourneyStep], second.Items.Select(e => e.Kind));
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.InteractionLogged));
    }

    [Fact]
    public async Task Logging_from_a_task_links_the_task_and_closes_it_with_the_same_outcome()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互任务");
        var other = await TaskWorld.CustomerOfAsync(app, "rm2", "互别人");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "续贷沟通", dueAt = Now.AddDays(1) });
        var foreign = await TaskWorld.CreateTaskAsync(rm2, new { customerId = other, title = "别人的任务", dueAt = Now.AddDays(1) });

        using var wrongTask = await TaskWorld.PostAsync(rm1, $"/api/v1/customers/{customer}/interactions",
            new { channel = "Call", summary = "电话沟通续贷", outcome = "Converted", taskId = foreign.Id, completeTask = true });
        using var response = await TaskWorld.PostAsync(rm1, $"/api/v1/customers/{customer}/interactions",
            new { channel = "Call", summary = "电话沟通续贷，客户同意续贷", outcome = "Converted", taskId = task.Id, completeTask = true });

        Assert.Equal(HttpStatusCode.BadRequest, wrongTask.StatusCode);
        Assert.Single((await wrongTask.ProblemAsync()).Errors("taskId"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Web.Engagement.Interactions.LoggedInteraction>(CustomerApi.Json);
        Assert.Equal(WorkTaskStatus.Done, body!.TaskStatus);
        await using var db = app.CreateDbContext();
        var interaction = await db.Interactions.SingleAsync(i => i.CustomerId == customer);
        Assert.Equal(task.Id, interaction.TaskId);
        var row = await TaskWorld.TaskRowAsync(app, task.Id);
        Assert.Equal((WorkTaskStatus.Done, "已办理"), (row.Status, row.Outcome));
        Assert.Equal(WorkTaskStatus.Open, (await TaskWorld.TaskRowAsync(app, foreign.Id)).Status);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.TaskOutcomeLogged));
    }

    [Fact]
    public async Task A_customer_out_of_scope_answers_404_for_logging_and_the_timeline_and_both_are_audited()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互越权");
        using var rm2 = await app.ClientForAsync("rm2");

        using var log = await TaskWorld.PostAsync(rm2, $"/api/v1/customers/{customer}/interactions", new { channel = "Call", summary = "越权记录", outcome = "NoAnswer" });
        using var timeline = await rm2.GetAsync($"/api/v1/customers/{customer}/timeline");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (log.StatusCode, timeline.StatusCode));
        Assert.DoesNotContain("互越权", await timeline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var denials = await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.CustomerAccessDenied && e.ActorName == "rm2");
        Assert.Equal(["interactions.log", "timeline"], denials.Select(e => e.Fields));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Interactions.AnyAsync(i => i.CustomerId == customer));
    }

    [Fact]
    public async Task A_teller_sees_the_customer_but_may_not_log_an_interaction()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互柜员");
        using var teller = await app.ClientForAsync("teller1");

        using var response = await TaskWorld.PostAsync(teller, $"/api/v1/customers/{customer}/interactions", new { channel = "Branch", summary = "柜面咨询", outcome = "NoAnswer" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_customer_address_in_the_qr_code_leads_through_sign_in_to_that_customer()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "互扫码");
        using var phone = app.CreateAnonymousClient();

        using var scanned = await phone.GetAsync($"/customers/{customer}");
        Assert.Equal(HttpStatusCode.Redirect, scanned.StatusCode);
        var login = scanned.LocationPath();
        Assert.Equal($"/account/login?ReturnUrl=%2Fcustomers%2F{customer}", login);

        // rm1 reads balances, so (as in production) has TOTP enrolled: the password leads to the code, the code back.
        var code = await app.NextTotpCodeAsync("rm1");
        using var password = await AccountForms.PostAsync(phone, login, new Dictionary<string, string> { ["UserName"] = "rm1", ["Password"] = AccountForms.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login/mfa", password.LocationPath(), StringComparison.Ordinal);
        using var signedIn = await AccountForms.PostAsync(phone, password.LocationPath(), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/customers/{customer}", signedIn.LocationPath());
        using var page = await phone.GetAsync($"/customers/{customer}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>A sent and a blocked message, a journey step and a task, each an hour older than the one before.</summary>
    private async Task SeedHistoryAsync(long customer)
    {
        await using var db = app.CreateDbContext();
        var now = Now;
        var sent = await OutboxWriter.EnqueueAsync(db, new OutboundRequest($"test:{Guid.NewGuid():N}", customer, ContactChannel.Sms, MessagePurpose.Marketing,
            MessageSource.Manual, null, "理财到期提醒", "您的理财将于下周到期", now.AddHours(-2), "test"), now.AddHours(-2), CancellationToken.None);
        var blocked = await OutboxWriter.EnqueueAsync(db, new OutboundRequest($"test:{Guid.NewGuid():N}", customer, ContactChannel.Sms, MessagePurpose.Marketing,
            MessageSource.Manual, null, "新品推荐", "新品推荐", now.AddHours(-2), "test"), now.AddHours(-2), CancellationToken.None);
        await OutboxWriter.EnqueueAsync(db, new OutboundRequest($"test:{Guid.NewGuid():N}", customer, ContactChannel.Email, MessagePurpose.Service,
            MessageSource.Manual, null, "尚未发送", "尚未发送", now, "test"), now, CancellationToken.None);
        await db.OutboundMessages.Where(m => m.Id == sent).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sent).SetProperty(m => m.SentAt, now.AddHours(-1)));
        await db.OutboundMessages.Where(m => m.Id == blocked).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Blocked).SetProperty(m => m.StatusReason, "未授权短信营销"));

        var playbook = new Playbook
        {
            Code = $"test-{Guid.NewGuid():N}"[..30], Name = "流失预警唤醒", Description = "测试", Enabled = true, Trigger = "{}", Conditions = string.Empty,
            Steps = "[]", ExitRules = "{}", UpdatedAt = now, UpdatedBy = "test",
        };
        db.Playbooks.Add(playbook);
        await db.SaveChangesAsync();
        var enrolment = new Enrolment { PlaybookId = playbook.Id, CustomerId = customer, OccurrenceKey = "test", NextStepAt = now, EnrolledAt = now.AddHours(-3) };
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync();
        db.EnrolmentSteps.Add(new EnrolmentStep { EnrolmentId = enrolment.Id, CustomerId = customer, StepIndex = 0, Kind = StepKind.SendMessage, ExecutedAt = now.AddHours(-3), Result = "短信已排队" });
        await db.SaveChangesAsync();
        await Data.Engagement.Tasks.TaskWriter.CreateAsync(db, new Data.Engagement.Tasks.NewTask(customer, "季度回访", "定期回访", TaskSource.Playbook, $"test:{Guid.NewGuid():N}",
            TaskUrgency.Low, now.AddDays(5), "test"), now.AddHours(-4), CancellationToken.None);
    }
}

public sealed class InteractionApiTestsOnSqlite(SqliteApp app) : InteractionApiTests(app), IClassFixture<SqliteApp>;

public sealed class InteractionApiTestsOnPostgres(PostgresApp app) : InteractionApiTests(app), IClassFixture<PostgresApp>;
