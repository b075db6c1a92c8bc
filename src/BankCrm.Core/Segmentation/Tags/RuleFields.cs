using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;

namespace BankCrm.Core.Segmentation.Tags;

/// <summary>
/// The fields rules may test, over what the bank really holds: profile, holdings, transactions, app behaviour,
/// and (segments only) the latest scoring run, tags and needs. Codes are stored in rule JSON: never rename one.
/// </summary>
public static class RuleFields
{
    public const string Age = "age";
    public const string Province = "province";
    public const string City = "city";
    public const string CustomerType = "customerType";
    public const string Occupation = "occupation";
    public const string Industry = "industry";
    public const string ImportExport = "importExport";
    public const string HoldsCategory = "holdsCategory";
    public const string Aum = "aum";
    public const string TxCount = "txCount";
    public const string TxAmount = "txAmount";
    public const string MerchantCategory = "merchantCategory";
    public const string LoginCount = "loginCount";
    public const string ProductViewCount = "productViewCount";
    public const string ViewedCategory = "viewedCategory";
    public const string FxQueryCount = "fxQueryCount";
    public const string ValueTier = "valueTier";
    public const string CustomerClass = "customerClass";
    public const string LifecycleStage = "lifecycleStage";
    public const string HealthScore = "healthScore";
    public const string ChurnProbability = "churnProbability";
    public const string RecencyScore = "recencyScore";
    public const string FrequencyScore = "frequencyScore";
    public const string MonetaryScore = "monetaryScore";
    public const string Tag = "tag";
    public const string Need = "need";

    public static readonly IReadOnlyList<RuleChoice> ProductCategoryChoices =
    [
        new(nameof(ProductCategory.DemandDeposit), "活期存款"), new(nameof(ProductCategory.TimeDeposit), "定期存款"),
        new(nameof(ProductCategory.Wealth), "理财"), new(nameof(ProductCategory.Fund), "基金"), new(nameof(ProductCategory.Insurance), "保险"),
        new(nameof(ProductCategory.Mortgage), "房贷"), new(nameof(ProductCategory.ConsumerLoan), "消费贷"),
        new(nameof(ProductCategory.CreditCard), "信用卡"), new(nameof(ProductCategory.ForeignExchange), "外币存款"),
        new(nameof(ProductCategory.CorporateLoan), "对公贷款"),
    ];

    /// <summary>Merchant categories of card purchases in the demo bank (docs/demo-bank.md); other values are allowed.</summary>
    public static readonly IReadOnlyList<RuleChoice> MerchantCategoryChoices =
        [.. new[] { "餐饮", "超市", "网购", "服饰", "加油", "数码", "旅游", "娱乐", "医疗", "家居", "母婴", "教育" }.Select(c => new RuleChoice(c, c))];

    public static readonly IReadOnlyList<RuleField> All =
    [
        new(Age, "年龄", RuleFieldGroup.Profile, RuleFieldKind.Number) { Integer = true, Min = 0, Max = 150 },
        new(Province, "省份", RuleFieldGroup.Profile, RuleFieldKind.Text),
        new(City, "城市", RuleFieldGroup.Profile, RuleFieldKind.Text),
        new(CustomerType, "客户类型", RuleFieldGroup.Profile, RuleFieldKind.Choice)
        {
            Choices = [new(nameof(Customers.CustomerType.Individual), "个人客户"), new(nameof(Customers.CustomerType.Corporate), "对公客户")],
        },
        new(Occupation, "职业", RuleFieldGroup.Profile, RuleFieldKind.Text),
        new(Industry, "行业", RuleFieldGroup.Profile, RuleFieldKind.Text),
        new(ImportExport, "进出口业务", RuleFieldGroup.Profile, RuleFieldKind.Bool),
        new(HoldsCategory, "持有产品类别", RuleFieldGroup.Holdings, RuleFieldKind.Set) { Choices = ProductCategoryChoices },
        new(Aum, "资产管理规模 AUM（元）", RuleFieldGroup.Holdings, RuleFieldKind.Number) { Min = 0, IsAmount = true },
        new(TxCount, "交易笔数", RuleFieldGroup.Transactions, RuleFieldKind.Number) { Integer = true, NeedsWindow = true, Min = 0 },
        new(TxAmount, "交易金额合计（元）", RuleFieldGroup.Transactions, RuleFieldKind.Number) { NeedsWindow = true, Min = 0, IsAmount = true },
        new(MerchantCategory, "刷卡消费商户类别", RuleFieldGroup.Transactions, RuleFieldKind.Set) { NeedsWindow = true, Choices = MerchantCategoryChoices },
        new(LoginCount, "手机银行登录次数", RuleFieldGroup.Behaviour, RuleFieldKind.Number) { Integer = true, NeedsWindow = true, Min = 0 },
        new(ProductViewCount, "产品浏览次数", RuleFieldGroup.Behaviour, RuleFieldKind.Number) { Integer = true, NeedsWindow = true, Min = 0 },
        new(ViewedCategory, "浏览过的产品类别", RuleFieldGroup.Behaviour, RuleFieldKind.Set) { NeedsWindow = true, Choices = ProductCategoryChoices },
        new(FxQueryCount, "汇率查询次数", RuleFieldGroup.Behaviour, RuleFieldKind.Number) { Integer = true, NeedsWindow = true, Min = 0 },
        new(ValueTier, "价值层级", RuleFieldGroup.Scores, RuleFieldKind.Choice)
        {
            SegmentOnly = true,
            Choices = [new(nameof(Segmentation.ValueTier.Vip), "贵宾客户"), new(nameof(Segmentation.ValueTier.MassAffluent), "大众富裕客户"), new(nameof(Segmentation.ValueTier.Basic), "基础客户")],
        },
        new(CustomerClass, "客户分类", RuleFieldGroup.Scores, RuleFieldKind.Choice)
        {
            SegmentOnly = true,
            Choices =
            [
                new(nameof(Segmentation.CustomerClass.Strategic), "战略级"), new(nameof(Segmentation.CustomerClass.Growth), "成长级"),
                new(nameof(Segmentation.CustomerClass.Basic), "基础级"), new(nameof(Segmentation.CustomerClass.Attention), "关注级"),
            ],
        },
        new(LifecycleStage, "生命周期", RuleFieldGroup.Scores, RuleFieldKind.Choice)
        {
            SegmentOnly = true,
            Choices =
            [
                new(nameof(Segmentation.LifecycleStage.New), "新客培育期"), new(nameof(Segmentation.LifecycleStage.Growth), "成长期"),
                new(nameof(Segmentation.LifecycleStage.Mature), "成熟期"), new(nameof(Segmentation.LifecycleStage.DeclineWarning), "衰退预警期"),
            ],
        },
        new(HealthScore, "客户健康度", RuleFieldGroup.Scores, RuleFieldKind.Number) { Integer = true, SegmentOnly = true, Min = 0, Max = 100 },
        new(ChurnProbability, "流失概率（%）", RuleFieldGroup.Scores, RuleFieldKind.Number) { SegmentOnly = true, Min = 0, Max = 100 },
        new(RecencyScore, "RFM 最近交易得分", RuleFieldGroup.Scores, RuleFieldKind.Number) { Integer = true, SegmentOnly = true, Min = 1, Max = 5 },
        new(FrequencyScore, "RFM 交易频率得分", RuleFieldGroup.Scores, RuleFieldKind.Number) { Integer = true, SegmentOnly = true, Min = 1, Max = 5 },
        new(MonetaryScore, "RFM 交易金额得分", RuleFieldGroup.Scores, RuleFieldKind.Number) { Integer = true, SegmentOnly = true, Min = 1, Max = 5 },
        new(Tag, "标签", RuleFieldGroup.Tags, RuleFieldKind.Set) { SegmentOnly = true },
        new(Need, "需求", RuleFieldGroup.Tags, RuleFieldKind.Set) { SegmentOnly = true },
    ];

    private static readonly Dictionary<string, RuleField> ByCode = All.ToDictionary(f => f.Code, StringComparer.Ordinal);

    public static RuleField? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var field) ? field : null;
}
