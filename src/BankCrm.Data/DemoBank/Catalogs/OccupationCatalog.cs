namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>An occupation, how common it is among working-age customers, and its typical monthly pay in CNY.</summary>
internal sealed record Occupation(string Name, double Weight, double MedianMonthlyPay, bool PaidByEmployer);

internal static class OccupationCatalog
{
    public const string Student = "学生";
    public const string Retired = "退休";
    public const string BusinessOwner = "企业主";

    public static readonly IReadOnlyList<Occupation> Working =
    [
        new("公司职员", 14, 8_000, true), new("软件工程师", 6, 22_000, true), new("教师", 5, 9_500, true), new("医生", 3, 16_000, true),
        new("护士", 3, 8_500, true), new("公务员", 4, 10_500, true), new("销售经理", 5, 15_000, true), new("会计", 4, 9_000, true),
        new("律师", 1.5, 20_000, true), new("行政专员", 4, 7_000, true), new("工程师", 5, 13_000, true), new("设计师", 3, 12_000, true),
        new("金融从业者", 3, 21_000, true), new("产品经理", 2, 20_000, true), new("快递员", 3, 8_000, true), new("外卖骑手", 3, 7_000, false),
        new("工人", 6, 6_500, true), new("司机", 3, 7_000, false), new("厨师", 2, 7_500, true), new("保险代理人", 2, 8_000, false),
        new("个体工商户", 7, 0, false), new("自由职业", 3, 0, false), new(BusinessOwner, 1.5, 0, false), new("家庭主妇", 2, 0, false),
    ];

    /// <summary>Occupations of a company's own staff, by industry.</summary>
    public static string ForIndustry(string industry, int pick) => industry switch
    {
        "科技" => pick % 3 == 0 ? "产品经理" : "软件工程师",
        "制造" => pick % 3 == 0 ? "工程师" : "工人",
        "餐饮" => pick % 2 == 0 ? "厨师" : "公司职员",
        "物流运输" => pick % 2 == 0 ? "司机" : "公司职员",
        "进出口贸易" or "跨境电商" => pick % 2 == 0 ? "销售经理" : "会计",
        "医疗健康" => pick % 2 == 0 ? "医生" : "护士",
        "教育培训" => "教师",
        _ => pick % 2 == 0 ? "公司职员" : "会计",
    };

    public static double PayOf(string occupation) => Working.FirstOrDefault(o => o.Name == occupation)?.MedianMonthlyPay ?? 8_000;
}
