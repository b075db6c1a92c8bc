using BankCrm.Data.DemoBank.Generation;

namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>A merchant category of card purchases: typical ticket size and merchants that appear as counterparties.</summary>
internal sealed record MerchantCategory(string Name, double MedianAmount, double Sigma, IReadOnlyList<string> Merchants);

/// <summary>
/// Card-purchase categories and how their share moves with life stage and the calendar: 母婴 only for young
/// parents, 教育 for school-age children (peaks at the start of term), 网购 on 618 and Double 11, 旅游 in holidays.
/// </summary>
internal static class MerchantCatalog
{
    public static readonly MerchantCategory Dining = new("餐饮", 80, 0.7, ["海底捞火锅", "西贝莜面村", "肯德基", "麦当劳", "喜茶", "瑞幸咖啡", "星巴克", "外婆家", "美团外卖", "饿了么"]);
    public static readonly MerchantCategory Supermarket = new("超市", 150, 0.7, ["盒马鲜生", "永辉超市", "沃尔玛", "大润发", "家乐福", "华润万家", "物美超市", "山姆会员店"]);
    public static readonly MerchantCategory Baby = new("母婴", 300, 0.8, ["孩子王", "爱婴室", "贝贝熊母婴", "好孩子母婴"]);
    public static readonly MerchantCategory Education = new("教育", 2500, 0.9, ["新东方", "学而思", "乐高教育中心", "钢琴培训中心", "游泳培训中心", "少年宫"]);
    public static readonly MerchantCategory Travel = new("旅游", 2200, 0.9, ["携程旅行", "去哪儿网", "飞猪旅行", "中国国际航空", "东方航空", "南方航空", "12306铁路", "华住酒店"]);
    public static readonly MerchantCategory Clothing = new("服饰", 400, 0.8, ["优衣库", "安踏", "李宁", "太平鸟", "波司登", "海澜之家"]);
    public static readonly MerchantCategory Electronics = new("数码", 2000, 0.8, ["京东", "苏宁易购", "华为终端", "小米之家", "苹果零售店"]);
    public static readonly MerchantCategory Medical = new("医疗", 300, 1.0, ["社区卫生服务中心", "市人民医院", "大参林药房", "老百姓大药房", "益丰大药房"]);
    public static readonly MerchantCategory Fuel = new("加油", 300, 0.4, ["中国石化", "中国石油", "壳牌加油站"]);
    public static readonly MerchantCategory Online = new("网购", 180, 1.0, ["淘宝", "天猫", "京东", "拼多多", "抖音商城"]);
    public static readonly MerchantCategory Entertainment = new("娱乐", 150, 0.8, ["万达影城", "猫眼电影", "大麦网", "星聚会KTV"]);
    public static readonly MerchantCategory Home = new("家居", 1200, 1.0, ["宜家家居", "红星美凯龙", "居然之家", "林氏家居"]);

    private static readonly Weighted<MerchantCategory>[] Table = Build();

    /// <summary>The category mix for a customer's life stage in a calendar month (1–12).</summary>
    public static Weighted<MerchantCategory> For(bool youngChildren, bool schoolChildren, bool senior, int month, bool springFestivalMonth) =>
        Table[(((youngChildren ? 1 : 0) * 2 + (schoolChildren ? 1 : 0)) * 2 + (senior ? 1 : 0)) * 26 + (month - 1) * 2 + (springFestivalMonth ? 1 : 0)];

    private static Weighted<MerchantCategory>[] Build()
    {
        var table = new Weighted<MerchantCategory>[8 * 26];
        for (var profile = 0; profile < 8; profile++)
        {
            var (young, school, senior) = ((profile & 4) != 0, (profile & 2) != 0, (profile & 1) != 0);
            for (var month = 1; month <= 12; month++)
            {
                for (var festival = 0; festival < 2; festival++)
                {
                    table[profile * 26 + (month - 1) * 2 + festival] = new Weighted<MerchantCategory>(Weights(young, school, senior, month, festival == 1));
                }
            }
        }

        return table;
    }

    private static IEnumerable<(MerchantCategory, double)> Weights(bool young, bool school, bool senior, int month, bool festival)
    {
        var holiday = month is 7 or 8 or 10 || festival;
        yield return (Dining, 25);
        yield return (Supermarket, festival ? 30 : 18);
        yield return (Online, (senior ? 5 : 15) * (month == 11 ? 3.0 : month == 6 ? 1.8 : 1.0));
        yield return (Clothing, festival ? 9 : 6);
        yield return (Fuel, 6);
        yield return (Electronics, month == 11 ? 4.5 : 3);
        yield return (Travel, holiday ? 7 : 4);
        yield return (Entertainment, senior ? 2 : 5);
        yield return (Medical, senior ? 14 : 4);
        yield return (Home, 2);
        yield return (Baby, young ? 12 : 0);
        yield return (Education, school ? (month is 9 or 2 or 3 ? 16 : 8) : 0.5);
    }
}
