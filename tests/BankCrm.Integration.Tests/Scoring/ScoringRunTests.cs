using System.Net;
using System.Net.Http.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Scoring;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Customers;
using BankCrm.Web.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>
/// The scoring run over the small demo bank of the fixture, its API, the scores on the 360 API and the dashboard
/// counts. Each test scores its own run date, so the tests of a class do not depend on their order.
/// </summary>
public abstract class ScoringRunTests(BankCrmApp app)
{
    [Fact]
    public async Task A_run_stores_exactly_one_row_per_customer_who_may_be_profiled()
    {
        var date = ScoringFixture.Today.AddDays(-10);

        var outcome = await ScoringFixture.Runner(app, batchSize: 64).RunAsync(date, force: true, "test", progress: null, CancellationToken.None);

        await using var db = app.CreateDbContext();
        var all = await db.Customers.CountAsync();
        var customers = await db.Customers.MayBeProfiled(db, TimeProvider.System.GetUtcNow().UtcDateTime).CountAsync();
        Assert.InRange(customers, all / 2, all - 1);
        var run = await db.ScoringRuns.SingleAsync(r => r.RunDate == date);
        Assert.Equal(ScoringOutcome.Completed, outcome);
        Assert.Equal(ScoringRunStatus.Completed, run.Status);
        Assert.Equal(customers, run.CustomersScored);
        Assert.Equal(customers, await db.CustomerScores.CountAsync(s => s.RunDate == date));
        Assert.Equal(customers, await db.CustomerScores.Where(s => s.RunDate == date).Select(s => s.CustomerId).Distinct().CountAsync());
        Assert.True(all >= BankCrmApp.DemoCustomers);
    }

    [Fact]
    public async Task A_run_killed_after_the_first_batch_resumes_to_the_same_result_as_an_uninterrupted_run()
    {
        var date = ScoringFixture.Today.AddDays(-20);
        var runner = ScoringFixture.Runner(app, batchSize: 50);
        await runner.RunAsync(date, force: true, "test", progress: null, CancellationToken.None);
        var uninterrupted = await SnapshotAsync(date);

        using var kill = new CancellationTokenSource();
        var afterFirstBatch = new StopAfter(50, kill);
        var killed = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(date, force: true, "test", afterFirstBatch, kill.Token));
        Assert.Equal(kill.Token, killed.CancellationToken);
        await using (var db = app.CreateDbContext())
        {
            var halfway = await db.ScoringRuns.SingleAsync(r => r.RunDate == date);
            Assert.Equal(ScoringRunStatus.Running, halfway.Status);
            Assert.Equal(50, halfway.CustomersScored);
            Assert.Equal(50, await db.CustomerScores.CountAsync(s => s.RunDate == date));
        }

        var outcome = await runner.RunAsync(date, force: false, "test", progress: null, CancellationToken.None);

        Assert.Equal(ScoringOutcome.Completed, outcome);
        Assert.Equal(uninterrupted, await SnapshotAsync(date));
        Assert.Equal(ScoringOutcome.AlreadyCompleted, await runner.RunAsync(date, force: false, "test", progress: null, CancellationToken.None));
    }

    [Fact]
    public async Task A_churn_model_when_registered_is_stored_with_its_factors()
    {
        var date = ScoringFixture.Today.AddDays(-30);

        await ScoringFixture.Runner(app, batchSize: 100, new FixedChurnScorer(0.8)).RunAsync(date, force: true, "test", progress: null, CancellationToken.None);

        await using var db = app.CreateDbContext();
        var scores = await db.CustomerScores.Where(s => s.RunDate == date).ToListAsync();
        Assert.All(scores, s =>
        {
            Assert.Equal(0.8, s.ChurnProbability);
            Assert.Equal("stub-1", s.ChurnModelVersion);
            Assert.Equal("近 3 个月登录次数下降 80%\n工资代发已停止\n理财赎回后转出他行", s.ChurnFactors);
            Assert.Equal(CustomerClass.Attention, s.CustomerClass);
        });
    }

    [Fact]
    public async Task Without_a_churn_model_the_churn_fields_stay_empty()
    {
        await ScoredTodayAsync();

        await using var db = app.CreateDbContext();
        Assert.False(await db.CustomerScores.AnyAsync(s => s.RunDate == ScoringFixture.Today && s.ChurnProbability != null));
    }

    [Fact]
    public async Task Needs_fire_for_a_customer_built_to_match_the_rules_and_show_with_the_scores()
    {
        var customer = await ScoredTodayAsync();
        using var rm1 = await app.ClientForAsync("rm1");

        var view = await rm1.GetOkAsync<CustomerScoresResponse>($"/api/v1/customers/{customer.Id}/scores");

        Assert.NotNull(view.Latest);
        Assert.False(view.AmountsHidden);
        Assert.NotNull(view.Latest.Aum);
        Assert.Equal(ScoringFixture.Today, view.Latest.RunDate);
        Assert.Equal(2, view.Latest.ProductPenetration);
        Assert.Contains(new NeedLine("renovation-instalment", "房贷已还款 8 个月；未持有消费贷"), view.Needs);
        Assert.Contains(new NeedLine("education-savings", "近 6 个月母婴消费 5 笔，共 ¥1,500.00"), view.Needs);
        Assert.Null(view.Latest.ChurnProbability);
    }

    [Fact]
    public async Task The_demo_banks_future_churners_land_in_the_attention_class_far_more_often_than_the_others()
    {
        await ScoredTodayAsync();

        await using var db = app.CreateDbContext();
        var rows = await db.CustomerScores.Where(s => s.RunDate == ScoringFixture.Today)
            .Join(db.Set<DemoBankTruth>(), s => s.CustomerId, t => t.CustomerId, (s, t) => new { t.FutureChurner, s.CustomerClass, s.LifecycleStage })
            .ToListAsync();
        double Share(bool churner) =>
            (double)rows.Count(r => r.FutureChurner == churner && r.CustomerClass == CustomerClass.Attention) / rows.Count(r => r.FutureChurner == churner);

        // Their activity fades over the last six months (docs/demo-bank.md); on 10,000 customers 54 % of them are
        // Attention against 10 % of the others.
        Assert.True(rows.Count(r => r.FutureChurner) >= 5, "the demo bank should hold a few future churners");
        Assert.True(Share(true) >= 2 * Share(false), $"Attention: {Share(true):P0} of future churners, {Share(false):P0} of the others");
        Assert.Contains(rows, r => r.FutureChurner && r.LifecycleStage == LifecycleStage.DeclineWarning);
    }

    [Fact]
    public async Task Amounts_in_scores_needs_and_history_are_hidden_from_a_role_without_holdings_read()
    {
        var customer = await ScoredTodayAsync();
        using var marketing = await app.ClientForAsync("marketing1");

        var view = await marketing.GetOkAsync<CustomerScoresResponse>($"/api/v1/customers/{customer.Id}/scores");

        Assert.True(view.AmountsHidden);
        Assert.NotNull(view.Latest);
        Assert.Null(view.Latest.Aum);
        Assert.Null(view.Latest.Monetary);
        Assert.Equal(2, view.Latest.ProductPenetration);
        Assert.All(view.History, h => Assert.Null(h.Aum));
        Assert.Contains(new NeedLine("education-savings", "近 6 个月母婴消费 5 笔，共 ¥***"), view.Needs);
    }

    [Fact]
    public async Task Scores_are_404_outside_the_callers_scope_and_403_for_a_teller()
    {
        var customer = await ScoredTodayAsync();
        using var rm2 = await app.ClientForAsync("rm2");
        using var teller = await app.ClientForAsync("teller1");

        using var outOfScope = await rm2.GetAsync($"/api/v1/customers/{customer.Id}/scores");
        using var forbidden = await teller.GetAsync($"/api/v1/customers/{customer.Id}/scores");

        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Dashboard_counts_of_a_branch_manager_cover_their_branch_only()
    {
        await ScoredTodayAsync();
        using var manager = await app.ClientForAsync("manager1");
        using var admin = await app.ClientForAsync("admin");

        var branch = await manager.GetOkAsync<SegmentDistribution>($"/api/v1/segments/distribution?runDate={ScoringFixture.Today:yyyy-MM-dd}");
        var all = await admin.GetOkAsync<SegmentDistribution>($"/api/v1/segments/distribution?runDate={ScoringFixture.Today:yyyy-MM-dd}");

        await using var db = app.CreateDbContext();
        var inBranch = await db.CustomerScores.CountAsync(s => s.RunDate == ScoringFixture.Today && db.Customers.Any(c => c.Id == s.CustomerId && c.BranchId == 1));
        Assert.Equal(inBranch, branch.Customers);
        Assert.Equal(inBranch, branch.Classes.Sum(c => c.Count));
        Assert.Equal(inBranch, branch.Tiers.Sum(c => c.Count));
        Assert.Equal(inBranch, branch.Stages.Sum(c => c.Count));
        Assert.Equal(await db.CustomerScores.CountAsync(s => s.RunDate == ScoringFixture.Today), all.Customers);
        Assert.True(branch.Customers < all.Customers);
    }

    [Fact]
    public async Task The_migration_matrix_counts_each_customer_scored_on_both_dates_once()
    {
        var earlier = ScoringFixture.Today.AddDays(-40);
        await ScoringFixture.Runner(app, batchSize: 100).RunAsync(earlier, force: true, "test", progress: null, CancellationToken.None);
        await ScoredTodayAsync();
        using var admin = await app.ClientForAsync("admin");

        var matrix = await admin.GetOkAsync<MigrationMatrix>($"/api/v1/segments/migration?from={earlier:yyyy-MM-dd}&to={ScoringFixture.Today:yyyy-MM-dd}");

        await using var db = app.CreateDbContext();
        var onBoth = await db.CustomerScores.CountAsync(s => s.RunDate == ScoringFixture.Today && db.CustomerScores.Any(e => e.RunDate == earlier && e.CustomerId == s.CustomerId));
        Assert.Equal(onBoth, matrix.Cells.Sum(c => c.Count));
    }

    [Fact]
    public async Task Only_an_admin_may_start_a_run_and_the_start_is_audited()
    {
        var date = ScoringFixture.Today.AddDays(-50);
        using var admin = await app.ClientForAsync("admin");
        using var manager = await app.ClientForAsync("manager1");

        using var refused = await manager.PostAsJsonAsync("/api/v1/scoring/runs", new { runDate = date });
        using var started = await admin.PostAsJsonAsync("/api/v1/scoring/runs", new { runDate = date });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runs = await WaitForRunAsync(admin, date);
        Assert.Equal(ScoringRunStatus.Completed, runs.Status);
        Assert.Equal("admin", runs.StartedBy);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ScoringRunStarted && e.ActorName == "admin"));
    }

    private static async Task<ScoringRunLine> WaitForRunAsync(HttpClient admin, DateOnly date)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await admin.GetOkAsync<ScoringRunsResponse>("/api/v1/scoring/runs");
            if (response.Runs.FirstOrDefault(r => r.RunDate == date) is { Status: not ScoringRunStatus.Running } run)
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"The run of {date} did not finish within a minute.");
    }

    private Task<CustomerResponse> ScoredTodayAsync() => app.OnceAsync("scored-today", async () =>
    {
        var customer = await ScoringFixture.YoungFamilyAsync(app);
        var runner = app.Services.GetRequiredService<ScoringRunner>();
        var outcome = await runner.RunAsync(ScoringFixture.Today, force: true, "test", progress: null, CancellationToken.None);
        Assert.Equal(ScoringOutcome.Completed, outcome);
        return customer;
    });

    private async Task<List<string>> SnapshotAsync(DateOnly date)
    {
        await using var db = app.CreateDbContext();
        var scores = await db.CustomerScores.AsNoTracking().Where(s => s.RunDate == date).OrderBy(s => s.CustomerId).ToListAsync();
        var needs = await db.CustomerNeeds.AsNoTracking().Where(n => n.RunDate == date).OrderBy(n => n.CustomerId).ThenBy(n => n.NeedCode).ToListAsync();
        return
        [
            .. scores.Select(s => $"{s.CustomerId} {s.RecencyDays} {s.Frequency} {s.Monetary} {s.RecencyScore}{s.FrequencyScore}{s.MonetaryScore} {s.Aum} " +
                $"{s.LifecycleStage} {s.StageSince} {s.ValueTier} {s.CustomerClass} {s.ProductPenetration} {s.HealthValue}/{s.HealthBehaviour}/{s.HealthSatisfaction}/{s.HealthScore}"),
            .. needs.Select(n => $"{n.CustomerId} {n.NeedCode} {n.Evidence}"),
        ];
    }

    /// <summary>Cancels the run as soon as the first batch is committed, like a process killed mid-run.</summary>
    private sealed class StopAfter(int customers, CancellationTokenSource kill) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value)
        {
            if (value.Scored >= customers)
            {
                kill.Cancel();
            }
        }
    }
}

public sealed class ScoringRunTestsOnSqlite(SqliteApp app) : ScoringRunTests(app), IClassFixture<SqliteApp>;

public sealed class ScoringRunTestsOnPostgres(PostgresApp app) : ScoringRunTests(app), IClassFixture<PostgresApp>;
