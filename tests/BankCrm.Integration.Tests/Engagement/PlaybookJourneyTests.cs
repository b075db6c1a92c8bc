using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// Playbooks on one app per provider. This half: the shipped playbooks end to end, triggers evaluated and steps
/// executed as the two jobs do, twice, on two nodes, after a crash. The API half is in PlaybookApiTests.cs.
/// </summary>
public abstract partial class PlaybookTests(BankCrmApp app)
{
    private readonly PlaybookWorld world = new(app);

    [Fact]
    public async Task A_new_customer_with_an_account_opened_now_gets_the_welcome_pack_exactly_once_even_when_evaluated_and_run_twice()
    {
        var customer = await world.NewCustomerAsync("欧阳新客");
        var account = await world.OpenAccountAsync(customer, ProductCategory.DemandDeposit, world.Today);

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now.AddMinutes(5), CancellationToken.None);
        var enrolment = await world.EnrolmentAsync(ShippedPlaybooks.Welcome, customer);
        Assert.Equal(OccurrenceKeys.AccountOpened(account), enrolment.OccurrenceKey);

        await world.Runner.RunDueAsync(world.Now, CancellationToken.None);
        await world.Runner.RunDueAsync(world.Now, CancellationToken.None);
        await using (var db = app.CreateDbContext())
        {
            var messages = await db.OutboundMessages.Where(m => m.CustomerId == customer).OrderBy(m => m.Id).ToListAsync();
            Assert.Equal([StepKeys.For(enrolment.Id, 0), StepKeys.For(enrolment.Id, 1)], messages.Select(m => m.IdempotencyKey));
            Assert.All(messages, m => Assert.Equal((MessageSource.Playbook, enrolment.Id, MessagePurpose.Service), (m.Source, m.SourceId, m.Purpose)));
            Assert.Contains("您好，欢迎成为", messages[0].Body, StringComparison.Ordinal);
            Assert.Contains("我是您的专属客户经理李明", messages[1].Body, StringComparison.Ordinal);
            Assert.Equal([0, 1, 2], await db.EnrolmentSteps.Where(s => s.EnrolmentId == enrolment.Id).OrderBy(s => s.StepIndex).Select(s => s.StepIndex).ToListAsync());
        }

        // The 24-hour waits: the benefit a day later, the RM's call a day after that, then the journey is complete.
        await world.Runner.RunDueAsync(world.Now.AddHours(25), CancellationToken.None);
        await world.Runner.RunDueAsync(world.Now.AddHours(49), CancellationToken.None);
        await world.Runner.RunDueAsync(world.Now.AddHours(49), CancellationToken.None);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(3, await db.OutboundMessages.CountAsync(m => m.CustomerId == customer));
            var benefit = await db.OutboundMessages.SingleAsync(m => m.IdempotencyKey == StepKeys.For(enrolment.Id, 3));
            Assert.Equal(MessagePurpose.Marketing, benefit.Purpose);
            Assert.Contains("首笔转账免手续费", benefit.Body, StringComparison.Ordinal);
            var task = await db.WorkTasks.SingleAsync(t => t.CustomerId == customer);
            Assert.Equal((StepKeys.For(enrolment.Id, 5), TaskSource.Playbook), (task.SourceKey, task.Source));
            Assert.Equal(await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync(), task.OwnerId);
            Assert.Contains("开立", task.Reason, StringComparison.Ordinal);
            Assert.Equal(EnrolmentStatus.Completed, (await db.Enrolments.SingleAsync(e => e.Id == enrolment.Id)).Status);
        }

        using var rm1 = await app.ClientForAsync("rm1");
        var journeys = await rm1.GetOkAsync<JsonElement>($"/api/v1/customers/{customer}/journeys");
        var journey = Assert.Single(journeys.GetProperty("items").EnumerateArray());
        Assert.Equal("新客 72 小时破冰礼包", journey.GetProperty("playbookName").GetString());
        Assert.Equal(6, journey.GetProperty("steps").GetArrayLength());
        Assert.StartsWith("任务已创建", journey.GetProperty("steps")[5].GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_running_steps_at_once_run_each_step_once_and_a_dead_nodes_lease_is_taken_over_when_it_expires()
    {
        var first = await world.NewCustomerAsync("诸葛双节");
        var second = await world.NewCustomerAsync("司徒宕机");
        await world.OpenAccountAsync(first, ProductCategory.DemandDeposit, world.Today);
        await world.OpenAccountAsync(second, ProductCategory.DemandDeposit, world.Today);
        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        var crashed = await world.EnrolmentAsync(ShippedPlaybooks.Welcome, second);

        // A node took the second customer's enrolment and died holding the lease.
        await using (var db = app.CreateDbContext())
        {
            await db.Enrolments.Where(e => e.Id == crashed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.LeaseOwner, "dead-node").SetProperty(e => e.LeaseUntil, world.Now.AddMinutes(5)));
        }

        var factory = app.Services.GetRequiredService<BankCrm.Data.Database.CrmDbContextFactory>();
        var settings = new StepRunnerSettings { BatchSize = 1 };
        var nodeA = new StepRunner(factory, settings, node: "node-a");
        var nodeB = new StepRunner(factory, settings, node: "node-b");
        await Task.WhenAll(nodeA.RunDueAsync(world.Now, CancellationToken.None), nodeB.RunDueAsync(world.Now, CancellationToken.None));

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.OutboundMessages.CountAsync(m => m.CustomerId == first));
            Assert.Equal(0, await db.OutboundMessages.CountAsync(m => m.CustomerId == second));
        }

        await Task.WhenAll(nodeA.RunDueAsync(world.Now.AddMinutes(6), CancellationToken.None), nodeB.RunDueAsync(world.Now.AddMinutes(6), CancellationToken.None));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.OutboundMessages.CountAsync(m => m.CustomerId == first));
            Assert.Equal(2, await db.OutboundMessages.CountAsync(m => m.CustomerId == second));
            var steps = await db.EnrolmentSteps.Where(s => s.CustomerId == first || s.CustomerId == second).ToListAsync();
            Assert.Equal(6, steps.Count);
            var taken = await db.Enrolments.SingleAsync(e => e.Id == crashed.Id);
            Assert.Null(taken.LeaseOwner);
            Assert.Equal(3, taken.NextStep);
        }
    }

    [Fact]
    public async Task A_customer_whose_latest_scoring_run_moved_them_to_decline_warning_gets_the_reactivation_offer_and_an_RM_task_with_the_reason()
    {
        var customer = await world.NewCustomerAsync("上官预警");
        await world.ScoreAsync(customer, world.PreviousRun, LifecycleStage.Mature, 500_000m);
        await world.ScoreAsync(customer, world.LatestRun, LifecycleStage.DeclineWarning, 325_000m);
        var steady = await world.NewCustomerAsync("东方稳定");
        await world.ScoreAsync(steady, world.PreviousRun, LifecycleStage.DeclineWarning, 80_000m);
        await world.ScoreAsync(steady, world.LatestRun, LifecycleStage.DeclineWarning, 80_000m);

        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        var enrolment = await world.EnrolmentAsync(ShippedPlaybooks.DeclineReactivation, customer);
        Assert.Equal(OccurrenceKeys.StageChanged(LifecycleStage.DeclineWarning, world.LatestRun), enrolment.OccurrenceKey);
        await world.Runner.RunDueAsync(world.Now, CancellationToken.None);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Enrolments.AnyAsync(e => e.CustomerId == steady), "a customer already in decline warning on the previous run did not enter it now");
        var offer = await db.OutboundMessages.SingleAsync(m => m.IdempotencyKey == StepKeys.For(enrolment.Id, 0));
        Assert.Equal(MessagePurpose.Marketing, offer.Purpose);
        Assert.Contains("专属理财：收益上浮 0.5%", offer.Body, StringComparison.Ordinal);
        var task = await db.WorkTasks.SingleAsync(t => t.SourceKey == StepKeys.For(enrolment.Id, 1));
        Assert.Equal(TaskUrgency.High, task.Urgency);
        Assert.Contains("一对一需求诊断", task.Title, StringComparison.Ordinal);
        Assert.Contains("AUM 近 60 天下降 35.0%", task.Reason, StringComparison.Ordinal);
        Assert.Equal(world.Now.AddDays(3), task.DueAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Pre_screening_answers_from_the_chatbot_reach_the_RM_on_the_high_intent_fund_task()
    {
        var customer = await world.NewCustomerAsync("慕容基金");
        await world.NeedAsync(customer, NeedRules.FundInvestment, "仅持有 1 类产品；近 30 天浏览基金/理财页面 4 次");
        await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);
        var enrolment = await world.EnrolmentAsync(ShippedPlaybooks.FundLead, customer);
        await world.Runner.RunDueAsync(world.Now, CancellationToken.None);
        Assert.Equal(1, (await world.EnrolmentAsync(ShippedPlaybooks.FundLead, customer)).NextStep);

        using var agent = await app.ClientForAsync("rm1");
        var url = $"/api/v1/customers/{customer}/journeys/{enrolment.Id}/prescreen";
        using var wrong = await agent.PutAsJsonAsync(url, new { via = "Chatbot", answers = new[] { new { question = "您的星座？", answer = "天秤座" } } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("不在问卷中", (await wrong.ProblemAsync()).Errors("answers[0].question")[0], StringComparison.Ordinal);

        var answers = ShippedPlaybooks.FundQuestions.Zip(["每月 3000 元", "5 年以上", "不超过 10%"], (q, a) => new { question = q, answer = a }).ToArray();
        using var recorded = await agent.PutAsJsonAsync(url, new { via = "Chatbot", answers });
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.PrescreenRecorded && e.CustomerId == customer));

        await world.Runner.RunDueAsync(world.Now.AddMinutes(1), CancellationToken.None);
        await using var db = app.CreateDbContext();
        var task = await db.WorkTasks.SingleAsync(t => t.CustomerId == customer);
        Assert.Equal((StepKeys.For(enrolment.Id, 2), TaskUrgency.High), (task.SourceKey, task.Urgency));
        var sheet = PrescreenSheet.FromJson(task.PrescreenAnswers)!;
        Assert.True(sheet.Complete);
        Assert.Equal("5 年以上", sheet.Items[1].Answer);
        Assert.Equal("Chatbot", sheet.AnsweredVia);
        Assert.Contains("浏览基金/理财页面 4 次", task.Reason, StringComparison.Ordinal);
        var finished = await db.Enrolments.SingleAsync(e => e.Id == enrolment.Id);
        Assert.Equal(EnrolmentStatus.Completed, finished.Status);
        Assert.False(await db.WorkTasks.AnyAsync(t => t.SourceKey == StepKeys.For(enrolment.Id, 4)), "the no-reply task of step 5 must not be created for a customer who answered");
    }
}

public sealed class PlaybookTestsOnSqlite(SqliteApp app) : PlaybookTests(app), IClassFixture<SqliteApp>;

public sealed class PlaybookTestsOnPostgres(PostgresApp app) : PlaybookTests(app), IClassFixture<PostgresApp>;
