using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>
/// The tags BankCrm ships with (seed 002 三(一) and 三(三): 育儿家庭, 银发客群, 跨境电商, 科创企业 …). They are data: created
/// on start when no tag carries their code (or their name), then edited like any other tag.
/// </summary>
public static class StarterTags
{
    public sealed record Starter(string Code, string Name, string Description, CustomerRule Rule);

    public static readonly IReadOnlyList<Starter> All =
    [
        new("parenting", "育儿家庭", "近一年有母婴或教育类刷卡消费的客户", One(Set(RuleFields.MerchantCategory, 365, "母婴", "教育"))),
        new("silver", "银发客群", "年满 60 岁的个人客户", One(Cond(RuleFields.Age, RuleOperator.Ge, "60"))),
        new("cross-border-ecommerce", "跨境电商", "行业为跨境电商的对公客户", One(Cond(RuleFields.Industry, RuleOperator.Eq, "跨境电商"))),
        new("tech-enterprise", "科创企业", "科技、医疗健康行业的对公客户",
            One(Cond(RuleFields.CustomerType, RuleOperator.Eq, "Corporate"), In(RuleFields.Industry, "科技", "医疗健康"))),
        new("trade", "进出口企业", "有进出口业务的客户", One(Cond(RuleFields.ImportExport, RuleOperator.Eq, "true"))),
        new("mortgage", "房贷客户", "持有个人住房贷款（含公积金组合贷）", One(Set(RuleFields.HoldsCategory, null, "Mortgage"))),
        new("fund-lover", "基金偏好", "持有基金，或近 90 天浏览基金产品 2 次以上",
            new CustomerRule
            {
                Combine = RuleCombine.Or,
                Groups =
                [
                    new RuleGroup { Conditions = [Set(RuleFields.HoldsCategory, null, "Fund")] },
                    new RuleGroup { Conditions = [Set(RuleFields.ViewedCategory, 90, "Fund"), Cond(RuleFields.ProductViewCount, RuleOperator.Ge, "2", 90)] },
                ],
            }),
        new("dormant", "沉睡客户", "近 180 天没有主动交易（不计利息和费用）", One(Cond(RuleFields.TxCount, RuleOperator.Eq, "0", 180))),
        new("high-net-worth", "高净值", "资产管理规模 AUM 达到 100 万元的个人客户",
            One(Cond(RuleFields.CustomerType, RuleOperator.Eq, "Individual"), Cond(RuleFields.Aum, RuleOperator.Ge, "1000000"))),
        new("app-active", "手机银行活跃", "近 30 天登录手机银行 4 次以上", One(Cond(RuleFields.LoginCount, RuleOperator.Ge, "4", 30))),
    ];

    /// <summary>Adds the starter tags that are missing; returns how many were added.</summary>
    public static async Task<int> EnsureAsync(CrmDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.TagDefinitions.Select(t => new { t.StarterCode, t.Name }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var starter in All)
        {
            if (existing.Any(t => t.StarterCode == starter.Code || t.Name == starter.Name))
            {
                continue;
            }

            db.TagDefinitions.Add(new TagDefinition
            {
                Name = starter.Name,
                Description = starter.Description,
                Kind = TagKind.Rule,
                Rule = RuleJson.Write(starter.Rule),
                StarterCode = starter.Code,
                UpdatedAt = now,
                UpdatedBy = "system",
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static CustomerRule One(params RuleCondition[] conditions) => new() { Groups = [new RuleGroup { Conditions = conditions }] };

    private static RuleCondition Cond(string field, RuleOperator op, string value, int? windowDays = null) =>
        new() { Field = field, Operator = op, Value = value, WindowDays = windowDays };

    private static RuleCondition In(string field, params string[] values) => new() { Field = field, Operator = RuleOperator.In, Values = values };

    private static RuleCondition Set(string field, int? windowDays, params string[] values) =>
        new() { Field = field, Operator = RuleOperator.In, Values = values, WindowDays = windowDays };
}
