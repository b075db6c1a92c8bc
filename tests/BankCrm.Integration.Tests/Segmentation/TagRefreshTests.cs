using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Consent;
using BankCrm.Data.Segmentation.Tags;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BankCrm.Integration.Tests.Segmentation.RuleCountTests;

namespace BankCrm.Integration.Tests.Segmentation;

public abstract class TagRefreshTests(BankCrmApp app)
{
    [Fact]
    public async Task Refresh_keeps_since_for_customers_that_still_match_and_removes_the_others()
    {
        var w = await RuleWorld.For(app);
        using var admin = await app.ClientForAsync("admin");
        var name = "测试房贷" + Guid.NewGuid().ToString("N")[..4];
        using var created = await admin.PostAsJsonAsync("/api/v1/tags", new { name, description = "测试", kind = "Rule", rule = Rule(w, Cond("holdsCategory", "In", values: ["Mortgage"])) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tagId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal([w.B], await MembersAsync(tagId));

        var earlier = w.Today.AddDays(-100);
        await using (var db = app.CreateDbContext())
        {
            await db.CustomerTags.Where(t => t.TagId == tagId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Since, earlier));
        }

        using var widened = await admin.PutAsJsonAsync($"/api/v1/tags/{tagId}", new { name, kind = "Rule", rule = Rule(w, Cond("age", "Le", 60)) });
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        var afterWidening = await RowsAsync(tagId);
        Assert.Equal([w.B, w.D], afterWidening.Keys.Order());
        Assert.Equal(earlier, afterWidening[w.B]);
        Assert.Equal(w.Today, afterWidening[w.D]);

        using var moved = await admin.PutAsJsonAsync($"/api/v1/tags/{tagId}", new { name, kind = "Rule", rule = Rule(w, Cond("age", "Ge", 61)) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal([w.A], await MembersAsync(tagId));

        // The nightly entry point refreshes every rule tag, and a second run changes nothing.
        var refresher = app.Services.GetRequiredService<ITagRefresher>();
        Assert.True(await refresher.RefreshAllAsync(ChinaTime.Today(TimeProvider.System), CancellationToken.None) >= StarterTags.All.Count + 1);
        Assert.Equal([w.A], await MembersAsync(tagId));
        Assert.Equal(w.Today, (await RowsAsync(tagId))[w.A]);
    }

    [Fact]
    public async Task Starter_tags_exist_and_match_demo_customers()
    {
        await using var db = app.CreateDbContext();
        var starters = await db.TagDefinitions.Where(t => t.StarterCode != null).ToListAsync();
        Assert.Equal(StarterTags.All.Count, starters.Count);
        Assert.All(starters, t => Assert.Empty(RuleJson.ReadValid(t.Rule, RuleUse.Tag).Errors));

        // Startup refreshed the tags of the fresh demo bank; refresh again for customers other tests of this class added since.
        Assert.True(await db.CustomerTags.AnyAsync());
        var today = ChinaTime.Today(TimeProvider.System);
        await app.Services.GetRequiredService<ITagRefresher>().RefreshAllAsync(today, CancellationToken.None);
        // Rule tags are profiling: only customers with a profiling consent carry them.
        var sixtyOrOlder = await db.Customers.MayBeProfiled(db, TimeProvider.System.GetUtcNow().UtcDateTime).CountAsync(c => c.BirthDate != null && c.BirthDate <= today.AddYears(-60));
        Assert.True(await db.Customers.CountAsync(c => c.BirthDate != null && c.BirthDate <= today.AddYears(-60)) > sixtyOrOlder);
        var silver = starters.Single(t => t.StarterCode == "silver");
        Assert.True(sixtyOrOlder > 0);
        Assert.Equal(sixtyOrOlder, await db.CustomerTags.CountAsync(t => t.TagId == silver.Id));

        // The 200-customer demo bank is small: most starter tags, not necessarily every one, find customers in it.
        var withMembers = starters.Count(t => db.CustomerTags.Any(x => x.TagId == t.Id));
        Assert.True(withMembers >= 7, $"only {withMembers} starter tags match demo customers");
    }

    [Fact]
    public async Task Manual_tags_are_set_within_scope_and_audited()
    {
        var w = await RuleWorld.For(app);
        using var admin = await app.ClientForAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/tags", new { name = "重点维护" + Guid.NewGuid().ToString("N")[..4], kind = "Manual" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tagId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var silver = await StarterIdAsync("silver");

        using var rm1 = await app.ClientForAsync("rm1");
        using var rm2 = await app.ClientForAsync("rm2");
        using var teller = await app.ClientForAsync("teller1");
        using var byOwner = await rm1.PutAsync($"/api/v1/customers/{w.A}/tags/{tagId}", null);
        using var byOtherRm = await rm2.PutAsync($"/api/v1/customers/{w.A}/tags/{tagId}", null);
        using var byTeller = await teller.PutAsync($"/api/v1/customers/{w.A}/tags/{tagId}", null);
        using var ruleTag = await rm1.PutAsync($"/api/v1/customers/{w.A}/tags/{silver}", null);

        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherRm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTeller.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ruleTag.StatusCode);
        var set = Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.CustomerTagSet && e.CustomerId == w.A && e.Detail!.Contains($"#{tagId}", StringComparison.Ordinal)));
        Assert.Equal("rm1", set.ActorName);

        var lines = await rm1.GetFromJsonAsync<List<CustomerTagLine>>($"/api/v1/customers/{w.A}/tags", Customers.CustomerApi.Json);
        var manual = Assert.Single(lines!, l => l.TagId == tagId);
        Assert.Equal(TagSource.Manual, manual.Source);
        Assert.Equal("李明", manual.SetByName);
        Assert.Equal(w.Today, manual.Since);

        using var removed = await rm1.DeleteAsync($"/api/v1/customers/{w.A}/tags/{tagId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Single(await app.EntriesAsync(e => e.Action == AuditActions.CustomerTagRemoved && e.CustomerId == w.A && e.Detail!.Contains($"#{tagId}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tag_counts_follow_the_callers_scope()
    {
        var w = await RuleWorld.For(app);
        using var admin = await app.ClientForAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/tags", new { name = "范围测试" + Guid.NewGuid().ToString("N")[..4], kind = "Manual" });
        var tagId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        foreach (var customer in new[] { w.A, w.B, w.C })
        {
            using var set = await admin.PutAsync($"/api/v1/customers/{customer}/tags/{tagId}", null);
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        Assert.Equal(1, await CountAsync("rm1", tagId));
        Assert.Equal(2, await CountAsync("manager1", tagId));
        Assert.Equal(3, await CountAsync("admin", tagId));
    }

    private async Task<int> CountAsync(string user, long tagId)
    {
        using var client = await app.ClientForAsync(user);
        var tags = await client.GetFromJsonAsync<List<TagListItem>>("/api/v1/tags", Customers.CustomerApi.Json);
        return tags!.Single(t => t.Id == tagId).Customers;
    }

    private async Task<long> StarterIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.TagDefinitions.Where(t => t.StarterCode == code).Select(t => t.Id).SingleAsync();
    }

    private async Task<long[]> MembersAsync(long tagId) => [.. (await RowsAsync(tagId)).Keys.Order()];

    private async Task<Dictionary<long, DateOnly>> RowsAsync(long tagId)
    {
        await using var db = app.CreateDbContext();
        return await db.CustomerTags.Where(t => t.TagId == tagId).ToDictionaryAsync(t => t.CustomerId, t => t.Since);
    }
}

public sealed class TagRefreshTestsOnSqlite(SqliteApp app) : TagRefreshTests(app), IClassFixture<SqliteApp>;

public sealed class TagRefreshTestsOnPostgres(PostgresApp app) : TagRefreshTests(app), IClassFixture<PostgresApp>;
