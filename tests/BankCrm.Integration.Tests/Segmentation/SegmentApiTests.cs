using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Integration.Tests.Audit;
using BankCrm.Integration.Tests.Hosting;
using static BankCrm.Integration.Tests.Segmentation.RuleCountTests;

namespace BankCrm.Integration.Tests.Segmentation;

public abstract class SegmentApiTests(BankCrmApp app)
{
    [Fact]
    public async Task A_segment_counts_only_the_customers_the_caller_may_see()
    {
        var w = await RuleWorld.For(app);
        var id = await CreateAsync("admin", "全体测试客户", Rule(w), shareRoles: ["BranchManager", "Marketing"]);

        Assert.Equal(4, await CountAsync("admin", id));
        Assert.Equal(4, await CountAsync("marketing1", id));
        Assert.Equal(3, await CountAsync("manager1", id));
        using var manager = await app.ClientForAsync("manager1");
        var members = JsonDocument.Parse(await manager.GetStringAsync($"/api/v1/segments/{id}/members?pageSize=2")).RootElement;
        Assert.Equal(3, members.GetProperty("total").GetInt32());
        Assert.Equal(2, members.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(members.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == w.C);
    }

    [Fact]
    public async Task A_segment_that_is_not_shared_is_404_and_a_teller_gets_403()
    {
        var w = await RuleWorld.For(app);
        var id = await CreateAsync("admin", "私有客群", Rule(w));
        using var marketing = await app.ClientForAsync("marketing1");
        using var teller = await app.ClientForAsync("teller1");

        using var get = await marketing.GetAsync($"/api/v1/segments/{id}");
        using var count = await marketing.GetAsync($"/api/v1/segments/{id}/count");
        using var export = await marketing.GetAsync($"/api/v1/segments/{id}/export?format=csv");
        using var update = await marketing.PutAsJsonAsync($"/api/v1/segments/{id}", new { name = "改名", rule = Rule(w) });
        using var list = await teller.GetAsync("/api/v1/segments");
        using var tellerCount = await teller.GetAsync($"/api/v1/segments/{id}/count");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, count.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tellerCount.StatusCode);
        var mine = JsonDocument.Parse(await (await app.ClientForAsync("marketing1")).GetStringAsync("/api/v1/segments")).RootElement;
        Assert.DoesNotContain(mine.EnumerateArray(), s => s.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Shared_segments_are_listed_as_shared_and_only_the_owner_may_change_them()
    {
        var w = await RuleWorld.For(app);
        var id = await CreateAsync("admin", "共享给营销", Rule(w), shareRoles: ["Marketing"]);
        using var marketing = await app.ClientForAsync("marketing1");

        var listed = JsonDocument.Parse(await marketing.GetStringAsync("/api/v1/segments")).RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == id);
        using var update = await marketing.PutAsJsonAsync($"/api/v1/segments/{id}", new { name = "改名", rule = Rule(w) });

        Assert.False(listed.GetProperty("mine").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
    }

    [Fact]
    public async Task Saving_a_segment_with_a_bad_rule_is_400_naming_the_field()
    {
        var w = await RuleWorld.For(app);
        using var marketing = await app.ClientForAsync("marketing1");

        using var response = await marketing.PostAsJsonAsync("/api/v1/segments", new { name = "坏规则", rule = Rule(w, Cond("customerClass", "Eq", "Platinum")) });
        using var notJson = await marketing.PostAsync("/api/v1/segments", new StringContent("""{"name":"坏","rule":{"groups":"abc"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("客户分类", errors.GetProperty("groups[0].conditions[1].value")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.True(JsonDocument.Parse(await notJson.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("groups", out _));
    }

    [Fact]
    public async Task An_export_is_masked_stamped_and_audited()
    {
        var w = await RuleWorld.For(app);
        var id = await CreateAsync("marketing1", "导出测试", Rule(w, Cond("customerType", "Eq", "Individual")));
        using var marketing = await app.ClientForAsync("marketing1");

        using var csv = await marketing.GetAsync($"/api/v1/segments/{id}/export?format=csv");
        using var xlsx = await marketing.GetAsync($"/api/v1/segments/{id}/export?format=xlsx");
        using var bad = await marketing.GetAsync($"/api/v1/segments/{id}/export?format=pdf");

        Assert.True(csv.StatusCode == HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
        Assert.True(xlsx.StatusCode == HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("导出人 marketing1 导出时间 ", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("（中国标准时间）", lines[0], StringComparison.Ordinal);
        Assert.Equal(2 + 3, lines.Length);
        Assert.Contains("甲***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("甲老先生", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2));
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes)).Cast<IDictionary<string, object>>().ToList();
        Assert.StartsWith("导出人 marketing1 导出时间 ", sheet[0]["A"].ToString(), StringComparison.Ordinal);
        Assert.Equal("客户名称", sheet[1]["B"]);
        Assert.Equal(2 + 3, sheet.Count);
        Assert.DoesNotContain(sheet, row => row.Values.Any(v => v?.ToString() == "甲老先生"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var entries = await app.EntriesAsync(e => e.Action == AuditActions.Export && e.ActorName == "marketing1" && e.Detail!.Contains($"#{id}", StringComparison.Ordinal));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains("3 行，已脱敏", e.Detail, StringComparison.Ordinal));
    }

    private async Task<long> CreateAsync(string user, string name, object rule, string[]? shareRoles = null)
    {
        using var client = await app.ClientForAsync(user);
        var sharedWith = (shareRoles ?? []).Select(r => new { kind = "Role", principal = r }).ToArray();
        using var response = await client.PostAsJsonAsync("/api/v1/segments", new { name, description = "测试", rule, sharedWith });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private async Task<int> CountAsync(string user, long id)
    {
        using var client = await app.ClientForAsync(user);
        using var response = await client.GetAsync($"/api/v1/segments/{id}/count");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32();
    }
}

public sealed class SegmentApiTestsOnSqlite(SqliteApp app) : SegmentApiTests(app), IClassFixture<SqliteApp>;

public sealed class SegmentApiTestsOnPostgres(PostgresApp app) : SegmentApiTests(app), IClassFixture<PostgresApp>;
