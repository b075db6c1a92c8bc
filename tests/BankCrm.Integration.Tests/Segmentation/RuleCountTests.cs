using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Integration.Tests.Hosting;

namespace BankCrm.Integration.Tests.Segmentation;

/// <summary>Every field and operator translates on this provider and counts exactly the constructed customers.</summary>
public abstract class RuleCountTests(BankCrmApp app)
{
    public static object Cond(string field, string op, object? value = null, object? to = null, string[]? values = null, int? windowDays = null) =>
        new { field, @operator = op, value, to, values, windowDays };

    public static object Rule(RuleWorld world, params object[] conditions) => new
    {
        combine = "And",
        groups = new[] { new { combine = "And", conditions = new[] { Cond("city", "Eq", world.City) }.Concat(conditions).ToArray() } },
    };

    [Fact]
    public async Task Each_operator_counts_the_constructed_customers()
    {
        var w = await RuleWorld.For(app);
        var cases = new (string Name, object Condition, long[] Expected)[]
        {
            ("age ≥ 60", Cond("age", "Ge", 60), [w.A, w.D]),
            ("age > 60", Cond("age", "Gt", "60"), [w.A]),
            ("age = 60", Cond("age", "Eq", 60), [w.D]),
            ("age ≠ 60", Cond("age", "Ne", 60), [w.A, w.B]),
            ("age < 60", Cond("age", "Lt", 60), [w.B]),
            ("age ≤ 30", Cond("age", "Le", 30), [w.B]),
            ("age 30–60", Cond("age", "Between", 30, 60), [w.B, w.D]),
            ("industry =", Cond("industry", "Eq", "跨境电商"), [w.C]),
            ("industry ≠", Cond("industry", "Ne", "跨境电商"), [w.A, w.B, w.D]),
            ("industry in", Cond("industry", "In", values: ["跨境电商", "科技"]), [w.C]),
            ("industry not in", Cond("industry", "NotIn", values: ["跨境电商"]), [w.A, w.B, w.D]),
            ("occupation contains", Cond("occupation", "Contains", "退"), [w.A]),
            ("type = corporate", Cond("customerType", "Eq", "Corporate"), [w.C]),
            ("type ≠ corporate", Cond("customerType", "Ne", "Corporate"), [w.A, w.B, w.D]),
            ("type in", Cond("customerType", "In", values: ["Individual"]), [w.A, w.B, w.D]),
            ("import/export", Cond("importExport", "Eq", true), [w.C]),
            ("holds any", Cond("holdsCategory", "In", values: ["Fund", "Mortgage"]), [w.A, w.B]),
            ("holds all", Cond("holdsCategory", "All", values: ["Fund", "Mortgage"]), []),
            ("holds none (closed accounts do not count)", Cond("holdsCategory", "NotIn", values: ["Fund"]), [w.B, w.C, w.D]),
            ("aum ≥ 1m", Cond("aum", "Ge", 1_000_000), [w.A]),
            ("aum < 1000", Cond("aum", "Lt", 1000), [w.B, w.C, w.D]),
            ("tx count ≥ 3 in 30 days", Cond("txCount", "Ge", 3, windowDays: 30), [w.A]),
            ("no tx in 180 days (interest does not count)", Cond("txCount", "Eq", 0, windowDays: 180), [w.B, w.C, w.D]),
            ("tx count in 500 days", Cond("txCount", "Ge", 1, windowDays: 500), [w.A, w.C]),
            ("tx amount > 1400 in 30 days", Cond("txAmount", "Gt", 1400, windowDays: 30), [w.A]),
            ("tx amount ≤ 1500 in 30 days", Cond("txAmount", "Le", 1500, windowDays: 30), [w.A, w.B, w.C, w.D]),
            ("merchant 母婴", Cond("merchantCategory", "In", values: ["母婴"], windowDays: 30), [w.A]),
            ("merchant 母婴 outside the window", Cond("merchantCategory", "In", values: ["母婴"], windowDays: 2), []),
            ("no 母婴", Cond("merchantCategory", "NotIn", values: ["母婴"], windowDays: 30), [w.B, w.C, w.D]),
            ("logins ≥ 2 in 10 days", Cond("loginCount", "Ge", 2, windowDays: 10), [w.A]),
            ("logins ≥ 2 in 5 days", Cond("loginCount", "Ge", 2, windowDays: 5), []),
            ("product views", Cond("productViewCount", "Ge", 1, windowDays: 30), [w.A]),
            ("viewed fund", Cond("viewedCategory", "In", values: ["Fund"], windowDays: 30), [w.A]),
            ("fx queries", Cond("fxQueryCount", "Ge", 1, windowDays: 30), [w.C]),
            ("class of the latest completed run", Cond("customerClass", "Eq", "Growth"), [w.B, w.D]),
            ("class in", Cond("customerClass", "In", values: ["Strategic", "Attention"]), [w.A]),
            ("class ≠ (unscored customers do not match)", Cond("customerClass", "Ne", "Strategic"), [w.B, w.D]),
            ("tier", Cond("valueTier", "Eq", "Basic"), [w.A, w.B, w.D]),
            ("lifecycle", Cond("lifecycleStage", "In", values: ["Mature"]), [w.A, w.B, w.D]),
            ("health between", Cond("healthScore", "Between", 55, 60), [w.B, w.D]),
            ("churn ≥ 30%", Cond("churnProbability", "Ge", 30), [w.B]),
            ("rfm", Cond("recencyScore", "Ge", 3), [w.A, w.B, w.D]),
            ("need of the latest run", Cond("need", "In", values: ["renovation-loan"]), [w.B]),
            ("no need", Cond("need", "NotIn", values: ["renovation-loan"]), [w.A, w.C, w.D]),
        };

        // Amount fields are counted by a branch manager, who may see amounts (the admin may not: AmountRuleTests);
        // the manager's scope is the home branch, without C.
        using var admin = await app.ClientForAsync("admin");
        using var manager = await app.ClientForAsync("manager1");
        var failures = new List<string>();
        foreach (var (name, condition, all) in cases)
        {
            var amount = name.StartsWith("aum", StringComparison.Ordinal) || name.StartsWith("tx amount", StringComparison.Ordinal);
            var expected = amount ? all.Where(id => id != w.C).ToArray() : all;
            using var response = await (amount ? manager : admin).PostAsJsonAsync("/api/v1/segments/count", new { rule = Rule(w, condition) });
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}: {(int)response.StatusCode} {body}");
                continue;
            }

            var count = JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32();
            if (count != expected.Length)
            {
                failures.Add($"{name}: counted {count}, expected {expected.Length}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Groups_combine_with_and_and_or()
    {
        var w = await RuleWorld.For(app);
        var rule = new
        {
            combine = "And",
            groups = new object[]
            {
                new { combine = "And", conditions = new[] { Cond("city", "Eq", w.City) } },
                new { combine = "Or", conditions = new[] { Cond("age", "Ge", 65), Cond("industry", "Eq", "跨境电商") } },
            },
        };
        using var admin = await app.ClientForAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/segments/count", new { rule });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_bad_rule_is_a_400_problem_naming_the_field()
    {
        var w = await RuleWorld.For(app);
        using var admin = await app.ClientForAsync("admin");

        using var badValue = await admin.PostAsJsonAsync("/api/v1/segments/count", new { rule = Rule(w, Cond("age", "Ge", "六十")) });
        using var noWindow = await admin.PostAsJsonAsync("/api/v1/segments/count", new { rule = Rule(w, Cond("txCount", "Ge", 1)) });
        using var badOperator = await admin.PostAsync("/api/v1/segments/count",
            new StringContent("""{"rule":{"groups":[{"conditions":[{"field":"age","operator":"Bigger","value":"1"}]}]}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Equal("application/problem+json", badValue.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await badValue.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("年龄", errors.GetProperty("groups[0].conditions[1].value")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noWindow.StatusCode);
        Assert.True(JsonDocument.Parse(await noWindow.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("groups[0].conditions[1].windowDays", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badOperator.StatusCode);
        Assert.Contains("operator", await badOperator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class RuleCountTestsOnSqlite(SqliteApp app) : RuleCountTests(app), IClassFixture<SqliteApp>;

public sealed class RuleCountTestsOnPostgres(PostgresApp app) : RuleCountTests(app), IClassFixture<PostgresApp>;
