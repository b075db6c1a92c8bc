using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Security;
using static BankCrm.Integration.Tests.Segmentation.RuleCountTests;

namespace BankCrm.Integration.Tests.Segmentation;

/// <summary>
/// The narrowing attack (issue 11): a rule narrowed to one customer (A: the only one aged 65 in the world's city, AUM
/// ¥2,000,000) with an AUM bound moved by binary search reads A's exact assets from the live count or the member list.
/// Amount conditions are refused to whoever may not see amounts, so the answers never depend on the amount.
/// </summary>
public abstract class AmountRuleTests(BankCrmApp app)
{
    private const decimal AumOfA = 2_000_000m;

    [Fact]
    public async Task Marketing_learns_nothing_about_an_amount_from_counts_members_or_tag_rules()
    {
        var w = await RuleWorld.For(app);
        using var marketing = await app.ClientForAsync("marketing1");
        var answers = new HashSet<string>(StringComparer.Ordinal);

        // The binary search an attacker would run on the live counts of the segment builder and of the tag editor.
        foreach (var path in new[] { "/api/v1/segments/count", "/api/v1/tags/count" })
        {
            var learned = await BinarySearchAsync(async bound =>
            {
                using var response = await marketing.PostAsJsonAsync(path, new { rule = Narrowed(w, Cond("aum", "Ge", bound)) });
                answers.Add(await RefusalAsync(response, "groups[0].conditions[2].field"));
                return response.StatusCode == HttpStatusCode.OK && Count(await response.Content.ReadAsStringAsync()) > 0;
            });
            Assert.Null(learned);
        }

        // Saving a segment (to read its member list) or a tag (to read who carries it) with an amount bound.
        using var segment = await marketing.PostAsJsonAsync("/api/v1/segments", new { name = "窄客群", rule = Narrowed(w, Cond("aum", "Between", 1_999_000, 2_001_000)) });
        using var tag = await marketing.PostAsJsonAsync("/api/v1/tags", new { name = "窄" + Guid.NewGuid().ToString("N")[..6], kind = "Rule", rule = Narrowed(w, Cond("txAmount", "Gt", 1400, windowDays: 30)) });
        answers.Add(await RefusalAsync(segment, "groups[0].conditions[2].field"));
        Assert.Contains("交易金额", await RefusalAsync(tag, "groups[0].conditions[2].field"), StringComparison.Ordinal);

        // Every refusal is the same answer whatever the bound: nothing depends on the amount.
        Assert.Single(answers);
    }

    [Fact]
    public async Task A_branch_manager_sets_amount_bounds_only_after_a_step_up_and_keeps_them_without_one()
    {
        var w = await RuleWorld.For(app);
        var staff = await SteppedUpStaff.CreateAsync(app, StaffRole.BranchManager);
        using var plain = await staff.PlainClientAsync(app);
        using var steppedUp = await staff.SteppedUpClientAsync(app);

        // The control: with the step-up the same search finds A's assets, so the attack is real and the check can fail.
        var learned = await BinarySearchAsync(async bound =>
        {
            using var response = await steppedUp.PostAsJsonAsync("/api/v1/segments/count", new { rule = Narrowed(w, Cond("aum", "Ge", bound)) });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Count(await response.Content.ReadAsStringAsync()) > 0;
        });
        Assert.Equal(AumOfA, learned);

        using (var refused = await plain.PostAsJsonAsync("/api/v1/segments/count", new { rule = Narrowed(w, Cond("aum", "Ge", 1_000_000)) }))
        {
            await RefusalAsync(refused, "groups[0].conditions[2].field");
        }

        var rule = Narrowed(w, Cond("aum", "Ge", 1_000_000));
        using var created = await steppedUp.PostAsJsonAsync("/api/v1/segments", new { name = "高净值（测试）", rule });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        // Renaming keeps the stored bound: allowed. Moving the bound is a new question: refused.
        using var renamed = await plain.PutAsJsonAsync($"/api/v1/segments/{id}", new { name = "高净值（改名）", rule });
        using var moved = await plain.PutAsJsonAsync($"/api/v1/segments/{id}", new { name = "高净值（改名）", rule = Narrowed(w, Cond("aum", "Ge", 1_500_000)) });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await RefusalAsync(moved, "groups[0].conditions[2].field");
    }

    [Fact]
    public async Task Marketing_may_keep_the_bound_of_a_tag_set_by_someone_who_may_see_amounts_but_not_move_it()
    {
        var w = await RuleWorld.For(app);
        var owner = await SteppedUpStaff.CreateAsync(app, StaffRole.Marketing, StaffRole.BranchManager);
        using var steppedUp = await owner.SteppedUpClientAsync(app);
        var name = "高净值" + Guid.NewGuid().ToString("N")[..6];
        var rule = Narrowed(w, Cond("aum", "Ge", 1_000_000));
        using var created = await steppedUp.PostAsJsonAsync("/api/v1/tags", new { name, kind = "Rule", rule });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        using var marketing = await app.ClientForAsync("marketing1");

        using var described = await marketing.PutAsJsonAsync($"/api/v1/tags/{id}", new { name, description = "说明改了", kind = "Rule", rule });
        using var moved = await marketing.PutAsJsonAsync($"/api/v1/tags/{id}", new { name, kind = "Rule", rule = Narrowed(w, Cond("aum", "Ge", 1_999_999)) });

        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        await RefusalAsync(moved, "groups[0].conditions[2].field");
    }

    [Theory]
    [InlineData("teller1")]
    [InlineData("rm1")]
    public async Task Roles_without_segments_learn_nothing_either(string userName)
    {
        var w = await RuleWorld.For(app);
        using var client = await app.ClientForAsync(userName);

        using var low = await client.PostAsJsonAsync("/api/v1/segments/count", new { rule = Narrowed(w, Cond("aum", "Ge", 1)) });
        using var high = await client.PostAsJsonAsync("/api/v1/segments/count", new { rule = Narrowed(w, Cond("aum", "Ge", 10_000_000)) });

        Assert.Equal(HttpStatusCode.Forbidden, low.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, high.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(low), await WithoutTraceIdAsync(high));
    }

    /// <summary>The city and the age pick A alone; the third condition is the attacker's.</summary>
    private static object Narrowed(RuleWorld w, object amountCondition) => Rule(w, Cond("age", "Ge", 65), amountCondition);

    /// <summary>The largest whole-yuan bound in [0, 10,000,000] for which the oracle says yes; null when it never does.</summary>
    private static async Task<decimal?> BinarySearchAsync(Func<decimal, Task<bool>> matchesAtLeast)
    {
        decimal low = 0, high = 10_000_000;
        if (!await matchesAtLeast(low))
        {
            return null;
        }

        while (low < high)
        {
            var middle = Math.Ceiling((low + high) / 2);
            if (await matchesAtLeast(middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Asserts a 403 problem naming the condition, and returns what it says (its trace id aside).</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.Contains("金额字段", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        return $"{problem.GetProperty("title")} {problem.GetProperty("detail")} {errors.GetRawText()}";
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response) => string.Join(",",
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.ToString()));

    private static int Count(string body) => JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32();
}

public sealed class AmountRuleTestsOnSqlite(SqliteApp app) : AmountRuleTests(app), IClassFixture<SqliteApp>;

public sealed class AmountRuleTestsOnPostgres(PostgresApp app) : AmountRuleTests(app), IClassFixture<PostgresApp>;
