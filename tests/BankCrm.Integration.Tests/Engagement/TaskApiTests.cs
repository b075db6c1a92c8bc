using System.Net;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>The task inbox, the team view and the escalation sweep over HTTP: own tasks only, reassignment within the branch, audited.</summary>
public abstract class TaskApiTests(BankCrmApp app)
{
    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Rm_sees_only_their_own_open_tasks_most_urgent_first()
    {
        var mine = await TaskWorld.CustomerOfAsync(app, "rm1", "任收件");
        var theirs = await TaskWorld.CustomerOfAsync(app, "rm2", "任别人");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        var later = await TaskWorld.CreateTaskAsync(rm1, new { customerId = mine, title = "下月回访", urgency = "Low", dueAt = Now.AddDays(20) });
        var urgent = await TaskWorld.CreateTaskAsync(rm1, new { customerId = mine, title = "今日紧急回电", urgency = "Critical", dueAt = Now.AddHours(2) });
        var overdue = await TaskWorld.MachineTaskAsync(app, mine, "逾期续贷沟通", Now.AddDays(-2), TaskUrgency.High);
        var foreign = await TaskWorld.CreateTaskAsync(rm2, new { customerId = theirs, title = "王芳的任务", dueAt = Now.AddDays(1) });

        var inbox = await rm1.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks?pageSize=200");

        var rm1Id = await TaskWorld.UserIdAsync(app, "rm1");
        Assert.All(inbox.Items, t => Assert.Equal(rm1Id, t.OwnerId));
        Assert.DoesNotContain(inbox.Items, t => t.Id == foreign.Id);
        var ids = inbox.Items.Select(t => t.Id).ToList();
        Assert.True(ids.IndexOf(overdue) < ids.IndexOf(urgent.Id) && ids.IndexOf(urgent.Id) < ids.IndexOf(later.Id), string.Join(",", inbox.Items.Select(t => $"{t.Title}:{t.Priority}")));
        Assert.Equal(inbox.Items.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt).Select(t => t.Id), ids);
        var line = inbox.Items.Single(t => t.Id == overdue);
        Assert.Equal(ServicePriority.OverduePoints + ServicePriority.HighPoints + ServicePriority.UnscoredHealthPoints, line.Priority);
        Assert.Equal("任收件", line.CustomerName);
        Assert.Equal(5, line.Consents.Count);
    }

    [Fact]
    public async Task Tier_and_health_come_from_the_latest_completed_scoring_run()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任评分");
        await using (var db = app.CreateDbContext())
        {
            (DateOnly Date, ScoringRunStatus Status, ValueTier Tier, int Health)[] runs =
            [
                (new DateOnly(2001, 1, 1), ScoringRunStatus.Completed, ValueTier.Basic, 90),
                (new DateOnly(2001, 1, 2), ScoringRunStatus.Completed, ValueTier.Vip, 30),
                (new DateOnly(2001, 1, 3), ScoringRunStatus.Running, ValueTier.MassAffluent, 70),
            ];
            foreach (var run in runs)
            {
                db.ScoringRuns.Add(new ScoringRun { RunDate = run.Date, Status = run.Status, StartedAt = Now, StartedBy = "test" });
                db.CustomerScores.Add(new CustomerScore { RunDate = run.Date, CustomerId = customer, ValueTier = run.Tier, HealthScore = run.Health, StageSince = run.Date });
            }

            await db.SaveChangesAsync();
        }

        using var rm1 = await app.ClientForAsync("rm1");
        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "评分后的任务", urgency = "Low", dueAt = Now.AddDays(20) });

        Assert.Equal((ValueTier.Vip, 30), (task.Tier, task.Health));
        Assert.Equal(ServicePriority.VipPoints + ServicePriority.CriticalHealthPoints, task.Priority);
        var listed = (await rm1.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks?pageSize=200")).Items.Single(t => t.Id == task.Id);
        Assert.Equal(task.Priority, listed.Priority);
    }

    [Fact]
    public async Task Rm_cannot_see_or_complete_another_rms_task_and_the_attempt_is_audited()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任越权");
        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "李明的回访", dueAt = Now.AddDays(1) });

        using var get = await rm2.GetAsync($"/api/v1/tasks/{task.Id}");
        using var complete = await TaskWorld.PostAsync(rm2, $"/api/v1/tasks/{task.Id}/complete", new { outcome = "Converted" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Equal(WorkTaskStatus.Open, (await TaskWorld.TaskRowAsync(app, task.Id)).Status);
        var denials = await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.CustomerAccessDenied && e.ActorName == "rm2");
        Assert.Equal(["task", "task.complete"], denials.Select(e => e.Fields));
    }

    [Fact]
    public async Task Logging_an_outcome_closes_the_task_and_no_answer_keeps_it_open_each_audited()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任结果");
        using var rm1 = await app.ClientForAsync("rm1");
        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "基金定投推荐", dueAt = Now.AddDays(2) });

        using var noAnswer = await TaskWorld.PostAsync(rm1, $"/api/v1/tasks/{task.Id}/complete", new { outcome = "未接通" });
        Assert.Equal(HttpStatusCode.OK, noAnswer.StatusCode);
        Assert.Equal(WorkTaskStatus.InProgress, (await TaskWorld.TaskRowAsync(app, task.Id)).Status);

        using var done = await TaskWorld.PostAsync(rm1, $"/api/v1/tasks/{task.Id}/complete", new { outcome = "ContactedInterested", note = "客户周五来网点面签" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var row = await TaskWorld.TaskRowAsync(app, task.Id);
        Assert.Equal(WorkTaskStatus.Done, row.Status);
        Assert.Equal("已联系-有意向", row.Outcome);
        Assert.Equal("客户周五来网点面签", row.OutcomeNote);
        Assert.NotNull(row.CompletedAt);
        var inbox = await rm1.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks?pageSize=200");
        Assert.DoesNotContain(inbox.Items, t => t.Id == task.Id);

        using var again = await TaskWorld.PostAsync(rm1, $"/api/v1/tasks/{task.Id}/complete", new { outcome = "Converted" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var logged = await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.TaskOutcomeLogged);
        Assert.Equal(2, logged.Count);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.TaskCreated));
    }

    [Fact]
    public async Task Bad_task_input_is_refused_naming_each_field_and_nothing_is_written()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任校验");
        using var rm1 = await app.ClientForAsync("rm1");

        using var created = await TaskWorld.PostAsync(rm1, "/api/v1/tasks", new { customerId = customer, title = " ", urgency = "Urgent", dueAt = Now.AddDays(-1) });
        var problem = await created.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal(["请填写任务标题"], problem.Errors("title"));
        Assert.Equal(["截止时间不能早于当前时间"], problem.Errors("dueAt"));
        Assert.Single(problem.Errors("urgency"));

        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "校验后的任务", dueAt = Now.AddDays(1) });
        using var outcome = await TaskWorld.PostAsync(rm1, $"/api/v1/tasks/{task.Id}/complete", new { outcome = "搞定了" });
        Assert.Equal(HttpStatusCode.BadRequest, outcome.StatusCode);
        Assert.Contains("已联系-有意向", (await outcome.ProblemAsync()).Errors("outcome")[0], StringComparison.Ordinal);
        Assert.Equal(WorkTaskStatus.Open, (await TaskWorld.TaskRowAsync(app, task.Id)).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, db.WorkTasks.Count(t => t.CustomerId == customer));
    }

    [Fact]
    public async Task Rm_cannot_create_a_task_for_a_customer_outside_their_book_and_the_attempt_is_audited()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任别册");
        using var rm2 = await app.ClientForAsync("rm2");

        using var response = await TaskWorld.PostAsync(rm2, "/api/v1/tasks", new { customerId = customer, title = "越权任务", dueAt = Now.AddDays(1) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.CustomerAccessDenied && e.ActorName == "rm2"));
        await using var db = app.CreateDbContext();
        Assert.False(db.WorkTasks.Any(t => t.CustomerId == customer));
    }

    [Fact]
    public async Task Branch_manager_reassigns_within_the_branch_but_not_to_another_branch_or_to_someone_who_cannot_see_the_customer()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任改派");
        using var rm1 = await app.ClientForAsync("rm1");
        using var manager = await app.ClientForAsync("manager1");
        var task = await TaskWorld.CreateTaskAsync(rm1, new { customerId = customer, title = "改派测试", dueAt = Now.AddDays(1) });
        var managerId = await TaskWorld.UserIdAsync(app, "manager1");
        var otherBranchRm = await TaskWorld.UserIdAsync(app, "rm-sh002-01");

        using var toOtherBranch = await TaskWorld.PostAsync(manager, $"/api/v1/tasks/{task.Id}/reassign", new { ownerId = otherBranchRm });
        using var toBlindColleague = await TaskWorld.PostAsync(manager, $"/api/v1/tasks/{task.Id}/reassign", new { ownerId = await TaskWorld.UserIdAsync(app, "rm2") });
        using var byRm = await TaskWorld.PostAsync(rm1, $"/api/v1/tasks/{task.Id}/reassign", new { ownerId = managerId });

        Assert.Equal(HttpStatusCode.BadRequest, toOtherBranch.StatusCode);
        Assert.Equal(["只能改派给本支行的同事"], (await toOtherBranch.ProblemAsync()).Errors("ownerId"));
        Assert.Equal(HttpStatusCode.BadRequest, toBlindColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byRm.StatusCode);
        Assert.Equal(await TaskWorld.UserIdAsync(app, "rm1"), (await TaskWorld.TaskRowAsync(app, task.Id)).OwnerId);

        using var toManager = await TaskWorld.PostAsync(manager, $"/api/v1/tasks/{task.Id}/reassign", new { ownerId = managerId });
        Assert.Equal(HttpStatusCode.OK, toManager.StatusCode);
        Assert.Equal(managerId, (await TaskWorld.TaskRowAsync(app, task.Id)).OwnerId);
        Assert.DoesNotContain((await rm1.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks?pageSize=200")).Items, t => t.Id == task.Id);
        Assert.Contains((await manager.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks?pageSize=200")).Items, t => t.Id == task.Id);
        var entry = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.TaskReassigned));
        Assert.Equal("manager1", entry.ActorName);
    }

    [Fact]
    public async Task Team_view_counts_open_overdue_and_done_per_member_of_the_branch()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm2", "任团队");
        using var manager = await app.ClientForAsync("manager1");
        var before = (await manager.GetOkAsync<TeamWorkload>("/api/v1/tasks/team")).Members.Single(m => m.UserName == "rm2");
        await TaskWorld.MachineTaskAsync(app, customer, "团队逾期", Now.AddDays(-1));
        await TaskWorld.MachineTaskAsync(app, customer, "团队待办", Now.AddDays(3));

        var team = await manager.GetOkAsync<TeamWorkload>("/api/v1/tasks/team");
        var overdue = await manager.GetOkAsync<PagedResult<TaskLine>>("/api/v1/tasks/team/tasks?overdue=true&pageSize=200");

        var rm2 = team.Members.Single(m => m.UserName == "rm2");
        Assert.Equal((before.Open + 2, before.Overdue + 1), (rm2.Open, rm2.Overdue));
        Assert.Contains(team.Members, m => m.UserName == "manager1");
        Assert.DoesNotContain(team.Members, m => m.UserName == "teller1");
        Assert.All(overdue.Items, t => Assert.True(t.DueAt < Now));
        Assert.Contains(overdue.Items, t => t.Title == "团队逾期");
        using var rm1 = await app.ClientForAsync("rm1");
        using var refused = await rm1.GetAsync("/api/v1/tasks/team");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Escalation_escalates_an_overdue_task_once_to_the_branch_manager_and_audits_it()
    {
        var customer = await TaskWorld.CustomerOfAsync(app, "rm1", "任升级");
        var late = await TaskWorld.MachineTaskAsync(app, customer, "逾期三天", Now.AddDays(-3));
        var recent = await TaskWorld.MachineTaskAsync(app, customer, "刚刚逾期", Now.AddHours(-1));
        var sweep = app.Services.GetRequiredService<TaskEscalationSweep>();
        var rule = new OverdueEscalation(TimeSpan.FromHours(24));

        var first = await sweep.RunAsync(rule);
        var second = await sweep.RunAsync(rule);

        Assert.True(first >= 1, $"first sweep escalated {first}");
        Assert.Equal(0, second);
        var escalated = await TaskWorld.TaskRowAsync(app, late);
        Assert.Equal(await TaskWorld.UserIdAsync(app, "manager1"), escalated.EscalatedTo);
        Assert.NotNull(escalated.EscalatedAt);
        Assert.Equal(await TaskWorld.UserIdAsync(app, "rm1"), escalated.OwnerId);
        Assert.Null((await TaskWorld.TaskRowAsync(app, recent)).EscalatedAt);
        var entry = Assert.Single(await app.EntriesAsync(e => e.CustomerId == customer && e.Action == AuditActions.TaskEscalated));
        Assert.Contains($"\"taskId\":{late}", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(TaskEscalationSweep.ActorName, entry.ActorName);
        Assert.True((await app.VerifyAsync()).Intact);
    }
}

public sealed class TaskApiTestsOnSqlite(SqliteApp app) : TaskApiTests(app), IClassFixture<SqliteApp>;

public sealed class TaskApiTestsOnPostgres(PostgresApp app) : TaskApiTests(app), IClassFixture<PostgresApp>;
