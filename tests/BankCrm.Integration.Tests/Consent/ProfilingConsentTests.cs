using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Campaigns;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Data.Organization;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Engagement;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Privacy;
using BankCrm.Integration.Tests.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Consent;

/// <summary>
/// Profiling needs the customer's consent (PIPL Art. 13–14, 24; seed 003 授权同意): three customers of rm1 alike in
/// everything (a mortgage of eight months and 母婴 card purchases, so two needs each, in a city of their own) but
/// their 用户画像 consent: <c>Granted</c> gave it, <c>Never</c> was never asked, <c>Withdrew</c> gave it and takes it back, <c>Erased</c> gave it and asks for erasure.
/// </summary>
public abstract class ProfilingConsentTests(BankCrmApp app)
{
    [Fact]
    public async Task A_customer_without_profiling_consent_gets_no_score_need_churn_row_or_rule_tag()
    {
        var w = await WorldAsync();
        var date = ScoringFixture.Today.AddDays(-2);

        await ScoringFixture.Runner(app, batchSize: 64, new FixedChurnScorer(0.8)).RunAsync(date, force: true, "test", progress: null, CancellationToken.None);
        var tagged = await app.Services.GetRequiredService<TagRefresher>().RefreshAsync(w.TagId, ScoringFixture.Today, CancellationToken.None);

        await using var db = app.CreateDbContext();
        var granted = await db.CustomerScores.AsNoTracking().SingleAsync(s => s.RunDate == date && s.CustomerId == w.Granted);
        Assert.Equal(0.8, granted.ChurnProbability);
        Assert.Equal(2, await db.CustomerNeeds.CountAsync(n => n.RunDate == date && n.CustomerId == w.Granted));
        Assert.False(await db.CustomerScores.AnyAsync(s => s.CustomerId == w.Never));
        Assert.False(await db.CustomerNeeds.AnyAsync(n => n.CustomerId == w.Never));
        Assert.False(await db.CustomerTags.AnyAsync(t => t.CustomerId == w.Never));
        Assert.True(await db.CustomerTags.AnyAsync(t => t.TagId == w.TagId && t.CustomerId == w.Granted));
        Assert.Equal(await db.CustomerTags.CountAsync(t => t.TagId == w.TagId), tagged);
        var run = await db.ScoringRuns.AsNoTracking().SingleAsync(r => r.RunDate == date);
        Assert.Equal(run.CustomersTotal, run.CustomersScored);
        Assert.Equal(await db.CustomerScores.CountAsync(s => s.RunDate == date), run.CustomersScored);
    }

    [Fact]
    public async Task Segment_counts_members_and_exports_leave_out_a_customer_without_profiling_consent()
    {
        var w = await WorldAsync();
        var segmentId = await CampaignWorld.SaveSegmentAsync(app, "marketing1", "画像同意客群" + Guid.NewGuid().ToString("N")[..4], w.City);
        using var marketing = await app.ClientForAsync("marketing1");

        var count = JsonDocument.Parse(await marketing.GetStringAsync($"/api/v1/segments/{segmentId}/count")).RootElement.GetProperty("count").GetInt32();
        var members = JsonDocument.Parse(await marketing.GetStringAsync($"/api/v1/segments/{segmentId}/members?pageSize=50")).RootElement;
        using var preview = await marketing.PostAsJsonAsync("/api/v1/segments/count", new { rule = CampaignWorld.CityRule(w.City) });
        var export = await marketing.GetStringAsync($"/api/v1/segments/{segmentId}/export?format=csv");

        var ids = members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([w.Granted, w.Withdrew, w.Erased], ids);
        Assert.Equal(3, count);
        Assert.Equal(3, members.GetProperty("total").GetInt32());
        Assert.Equal(3, JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
        Assert.Contains(w.Numbers[w.Granted], export, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Numbers[w.Never], export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_on_a_segment_does_not_target_a_customer_without_profiling_consent()
    {
        var w = await WorldAsync();
        var segmentId = await CampaignWorld.SaveSegmentAsync(app, "marketing1", "画像活动客群" + Guid.NewGuid().ToString("N")[..4], w.City);
        using var marketing = await app.ClientForAsync("marketing1");
        using var manager = await app.ClientForAsync("manager1");
        using var created = await marketing.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = "画像同意活动" + Guid.NewGuid().ToString("N")[..4], segmentId, offer = "理财体验", productId = (int?)null, channelStrategy = "preferred",
            subject = "理财", template = "{{ customer_name }}您好，{{ offer }}。", scheduledAt = DateTimeOffset.UtcNow.AddHours(1), controlPercent = 0,
            conversionWindowDays = 30, costPerMessage = 0.05m, valuePerConversion = 100m,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        (await marketing.PostAsync($"/api/v1/campaigns/{id}/submit", null)).EnsureSuccessStatusCode();
        (await manager.PostAsync($"/api/v1/campaigns/{id}/approve", null)).EnsureSuccessStatusCode();
        using var launch = await marketing.PostAsync($"/api/v1/campaigns/{id}/launch", null);
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);

        await app.Services.GetRequiredService<CampaignLauncher>().SendAsync(id, CancellationToken.None);

        await using var db = app.CreateDbContext();
        Assert.Equal(CampaignStatus.Completed, await db.Campaigns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
        Assert.Equal([w.Granted, w.Withdrew, w.Erased], await db.CampaignMembers.Where(m => m.CampaignId == id).OrderBy(m => m.CustomerId).Select(m => m.CustomerId).ToListAsync());
    }

    [Fact]
    public async Task A_playbook_fired_by_a_need_does_not_enrol_a_customer_without_profiling_consent()
    {
        var world = new PlaybookWorld(app);
        var consenting = await world.NewCustomerAsync("画像同意需求");
        using (var rm1 = await app.ClientForAsync("rm1"))
        {
            var never = (await rm1.CreateAsync(CustomerApi.Individual("画像未同意需求"))).Id;

            // Rows as a scoring run before consent was enforced would have left them.
            await world.NeedAsync(consenting, NeedRules.FundInvestment, "近 30 天浏览基金页面 4 次");
            await world.NeedAsync(never, NeedRules.FundInvestment, "近 30 天浏览基金页面 4 次");

            await world.Evaluator.EvaluateAsync(world.Now, CancellationToken.None);

            await using var db = app.CreateDbContext();
            var playbookId = await db.Playbooks.Where(p => p.Code == ShippedPlaybooks.FundLead).Select(p => p.Id).SingleAsync();
            Assert.True(await db.Enrolments.AnyAsync(e => e.PlaybookId == playbookId && e.CustomerId == consenting));
            Assert.False(await db.Enrolments.AnyAsync(e => e.PlaybookId == playbookId && e.CustomerId == never));
        }
    }

    [Fact]
    public async Task Withdrawing_profiling_consent_deletes_the_customer_s_profiling_rows_at_once_and_audits_it()
    {
        var w = await WorldAsync();
        var date = ScoringFixture.Today.AddDays(-4);
        await ScoringFixture.Runner(app, batchSize: 64).RunAsync(date, force: true, "test", progress: null, CancellationToken.None);
        await app.Services.GetRequiredService<TagRefresher>().RefreshAsync(w.TagId, ScoringFixture.Today, CancellationToken.None);
        await using (var before = app.CreateDbContext())
        {
            Assert.True(await before.CustomerScores.AnyAsync(s => s.CustomerId == w.Withdrew));
            Assert.True(await before.CustomerNeeds.AnyAsync(n => n.CustomerId == w.Withdrew));
            Assert.True(await before.CustomerTags.AnyAsync(t => t.CustomerId == w.Withdrew && t.TagId == w.TagId));
        }

        using var rm1 = await app.ClientForAsync("rm1");
        using var response = await rm1.PostAsJsonAsync($"/api/v1/customers/{w.Withdrew}/consents", new { purpose = "Profiling", granted = false, source = "Branch", evidenceNote = "客户要求停止画像" }, CustomerApi.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.CustomerScores.AnyAsync(s => s.CustomerId == w.Withdrew));
        Assert.False(await db.CustomerNeeds.AnyAsync(n => n.CustomerId == w.Withdrew));
        Assert.False(await db.CustomerTags.AnyAsync(t => t.CustomerId == w.Withdrew && t.Source == TagSource.Rule));
        Assert.True(await db.CustomerTags.AnyAsync(t => t.CustomerId == w.Withdrew && t.TagId == w.ManualTagId));
        Assert.True(await db.CustomerScores.AnyAsync(s => s.CustomerId == w.Granted));
        Assert.Equal(await db.CustomerTags.CountAsync(t => t.TagId == w.TagId), await db.TagDefinitions.Where(t => t.Id == w.TagId).Select(t => t.CustomerCount).SingleAsync());
        var entry = Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.ConsentRecorded && e.CustomerId == w.Withdrew && e.Fields == "Profiling" && e.Detail!.Contains("profilingDeleted")));
        Assert.Contains("\"scores\":1", entry.Detail, StringComparison.Ordinal);

        await ScoringFixture.Runner(app, batchSize: 64).RunAsync(date.AddDays(-1), force: true, "test", progress: null, CancellationToken.None);
        Assert.False(await db.CustomerScores.AnyAsync(s => s.CustomerId == w.Withdrew));
    }

    [Fact]
    public async Task An_erased_customer_is_not_profiled_again_by_the_next_run()
    {
        var w = await WorldAsync();
        var date = ScoringFixture.Today.AddDays(-6);
        await ScoringFixture.Runner(app, batchSize: 64).RunAsync(date.AddDays(-1), force: true, "test", progress: null, CancellationToken.None);
        await using (var before = app.CreateDbContext())
        {
            Assert.True(await before.CustomerScores.AnyAsync(s => s.CustomerId == w.Erased));
        }

        using var compliance = await app.ClientForAsync("compliance1");
        var request = await compliance.CreateRequestAsync(w.Erased, "Erasure");
        using var erased = await compliance.PostAsync($"/api/v1/privacy/requests/{request.Id}/erasure", content: null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        await ScoringFixture.Runner(app, batchSize: 64, new FixedChurnScorer(0.5)).RunAsync(date, force: true, "test", progress: null, CancellationToken.None);
        await app.Services.GetRequiredService<TagRefresher>().RefreshAsync(w.TagId, ScoringFixture.Today, CancellationToken.None);

        await using var db = app.CreateDbContext();
        Assert.True(await db.CustomerScores.AnyAsync(s => s.RunDate == date && s.CustomerId == w.Granted));
        Assert.False(await db.CustomerScores.AnyAsync(s => s.CustomerId == w.Erased));
        Assert.False(await db.CustomerNeeds.AnyAsync(n => n.CustomerId == w.Erased));
        Assert.False(await db.CustomerTags.AnyAsync(t => t.CustomerId == w.Erased));
    }

    /// <summary>A fresh world per test: each test changes consents or erases.</summary>
    private async Task<World> WorldAsync()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(TimeProvider.System);
        var city = "画像测试市" + Guid.NewGuid().ToString("N")[..6];
        await using var db = app.CreateDbContext();
        var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
        Customer Person(string name) => Customer.Create("P" + Guid.NewGuid().ToString("N")[..11],
            new CustomerProfile { Name = name, BirthDate = today.AddYears(-32), Province = "测试省", City = city }, DemoStaff.HomeBranchId, rm1, now.AddYears(-3));
        var (granted, never, withdrew, erased) = (Person("画像甲"), Person("画像乙"), Person("画像丙"), Person("画像丁"));
        Customer[] all = [granted, never, withdrew, erased];
        db.Customers.AddRange(all);
        await db.SaveChangesAsync();
        await ProfilingConsents.GrantAsync(db, [granted.Id, withdrew.Id, erased.Id], now.AddYears(-3));

        var mortgage = await db.Products.Where(p => p.Category == ProductCategory.Mortgage).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var demand = await db.Products.Where(p => p.Category == ProductCategory.DemandDeposit).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        foreach (var c in all)
        {
            var card = new Account { CustomerId = c.Id, ProductId = demand, AccountNumber = "P" + Guid.NewGuid().ToString("N")[..15], Balance = 30_000m, OpenedOn = today.AddYears(-3) };
            db.Accounts.AddRange(card, new Account { CustomerId = c.Id, ProductId = mortgage, AccountNumber = "P" + Guid.NewGuid().ToString("N")[..15], Balance = 1_200_000m, OpenedOn = today.AddMonths(-8) });
            await db.SaveChangesAsync();
            db.Transactions.AddRange(Enumerable.Range(1, 5).Select(i => new Transaction
            {
                CustomerId = c.Id, AccountId = card.Id, OccurredAt = now.AddDays(-20 * i), Amount = -300m, Kind = TransactionKind.CardPurchase,
                Channel = TransactionChannel.Pos, Counterparty = "孩子王", MerchantCategory = "母婴",
            }));
        }

        var tag = new TagDefinition { Name = "画像城市" + Guid.NewGuid().ToString("N")[..6], Kind = TagKind.Rule, Rule = JsonSerializer.Serialize(CampaignWorld.CityRule(city)), UpdatedAt = now, UpdatedBy = "test" };
        var manual = new TagDefinition { Name = "画像手工" + Guid.NewGuid().ToString("N")[..6], Kind = TagKind.Manual, UpdatedAt = now, UpdatedBy = "test" };
        db.TagDefinitions.AddRange(tag, manual);
        await db.SaveChangesAsync();
        db.CustomerTags.Add(new CustomerTag { TagId = manual.Id, CustomerId = withdrew.Id, Source = TagSource.Manual, Since = today, SetBy = "test" });
        await db.SaveChangesAsync();
        return new World(city, granted.Id, never.Id, withdrew.Id, erased.Id, tag.Id, manual.Id, all.ToDictionary(c => c.Id, c => c.CustomerNumber));
    }

    private sealed record World(string City, long Granted, long Never, long Withdrew, long Erased, long TagId, long ManualTagId, Dictionary<long, string> Numbers);
}

public sealed class ProfilingConsentTestsOnSqlite(SqliteApp app) : ProfilingConsentTests(app), IClassFixture<SqliteApp>;

public sealed class ProfilingConsentTestsOnPostgres(PostgresApp app) : ProfilingConsentTests(app), IClassFixture<PostgresApp>;
