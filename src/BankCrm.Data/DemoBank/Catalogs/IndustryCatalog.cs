namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>
/// An industry of corporate customers: its share, the words that appear in company names, and how many of its
/// companies trade across the border (and so use SWIFT remittances, FX accounts and FX-rate queries).
/// </summary>
internal sealed record Industry(string Name, double Weight, double ImportExportShare, IReadOnlyList<string> NameWords);

internal static class IndustryCatalog
{
    public static readonly IReadOnlyList<Industry> All =
    [
        new("进出口贸易", 12, 1.0, ["进出口贸易", "国际贸易", "进出口"]),
        new("跨境电商", 6, 1.0, ["跨境电子商务", "电子商务"]),
        new("科技", 14, 0.1, ["科技", "信息技术", "网络科技", "软件"]),
        new("制造", 16, 0.35, ["机械制造", "电子", "精密制造", "新材料"]),
        new("批发零售", 12, 0.1, ["商贸", "贸易", "百货"]),
        new("餐饮", 10, 0, ["餐饮管理", "餐饮"]),
        new("建筑", 6, 0, ["建筑工程", "建设工程"]),
        new("房地产", 3, 0, ["置业", "房地产开发"]),
        new("物流运输", 7, 0.3, ["物流", "供应链管理", "国际货运代理"]),
        new("教育培训", 4, 0, ["教育科技", "培训"]),
        new("医疗健康", 4, 0.05, ["医疗器械", "健康科技"]),
        new("咨询服务", 6, 0, ["企业管理咨询", "商务咨询"]),
    ];

    /// <summary>Foreign trading partners that appear as SWIFT counterparties.</summary>
    public static readonly IReadOnlyList<string> ForeignPartners =
    [
        "Pacific Trading LLC", "Hanse Handels GmbH", "Sunrise Imports Inc.", "Nordic Supply AB", "Golden Gate Distributors",
        "Kowloon Textile Co., Ltd.", "Osaka Precision K.K.", "Lyon Maison SARL", "Dubai Star General Trading", "Saigon Garment JSC",
        "Singapore Marine Pte. Ltd.", "Mumbai Steel Traders", "Rotterdam Freight B.V.", "Sydney Home Goods Pty Ltd", "Seoul Electronics Co.",
    ];
}
