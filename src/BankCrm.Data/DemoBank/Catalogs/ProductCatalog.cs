using BankCrm.Core.Holdings;

namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>
/// The demo bank's products. Ids are fixed (rules, models and tests refer to them) and grouped by tens per
/// category; rates are in line with Chinese banks' published rates of 2025–2026.
/// </summary>
internal static class ProductCatalog
{
    public const int PersonalDemand = 1;
    public const int CorporateDemand = 2;
    public const int LargeCertificate = 16;
    public const int CorporateTimeDeposit = 17;
    public const int CashManagement = 20;
    public const int CorporateWealth = 26;
    public const int CommercialMortgage = 50;
    public const int CombinedMortgage = 51;
    public const int StandardCard = 70;
    public const int PlatinumCard = 71;
    public const int TravelCard = 72;
    public const int UsdAccount = 80;
    public const int EurAccount = 81;
    public const int HkdAccount = 82;
    public const int TradeFinance = 91;

    public static readonly IReadOnlyList<Product> All =
    [
        P(1, "PD-DD-CNY", "个人活期储蓄", ProductCategory.DemandDeposit, null, 0.05m, null),
        P(2, "CD-DD-CNY", "单位活期存款（对公结算账户）", ProductCategory.DemandDeposit, null, 0.10m, null),
        P(10, "TD-3M", "三个月整存整取", ProductCategory.TimeDeposit, null, 0.65m, 3),
        P(11, "TD-6M", "六个月整存整取", ProductCategory.TimeDeposit, null, 0.85m, 6),
        P(12, "TD-1Y", "一年期整存整取", ProductCategory.TimeDeposit, null, 0.95m, 12),
        P(13, "TD-2Y", "二年期整存整取", ProductCategory.TimeDeposit, null, 1.05m, 24),
        P(14, "TD-3Y", "三年期整存整取", ProductCategory.TimeDeposit, null, 1.25m, 36),
        P(15, "TD-5Y", "五年期整存整取", ProductCategory.TimeDeposit, null, 1.30m, 60),
        P(16, "LCD-3Y", "三年期大额存单", ProductCategory.TimeDeposit, null, 1.55m, 36),
        P(17, "CTD-1Y", "单位一年期定期存款", ProductCategory.TimeDeposit, null, 1.00m, 12),
        P(20, "WM-R1-CASH", "天天盈现金管理", ProductCategory.Wealth, 1, 1.60m, null),
        P(21, "WM-R2-90D", "安盈固收 90 天", ProductCategory.Wealth, 2, 2.20m, 3),
        P(22, "WM-R2-1Y", "稳享固收一年期", ProductCategory.Wealth, 2, 2.60m, 12),
        P(23, "WM-R3-6M", "鑫享固收+六个月", ProductCategory.Wealth, 3, 3.00m, 6),
        P(24, "WM-R4-MIX", "睿选混合策略", ProductCategory.Wealth, 4, null, null),
        P(25, "WM-R5-EQ", "权益增强精选", ProductCategory.Wealth, 5, null, null),
        P(26, "WM-CORP-R2", "对公稳利理财", ProductCategory.Wealth, 2, 2.10m, 3),
        P(30, "FD-BOND", "中短债债券基金", ProductCategory.Fund, 2, null, null),
        P(31, "FD-MIX", "均衡配置混合基金", ProductCategory.Fund, 3, null, null),
        P(32, "FD-CSI300", "沪深300指数基金", ProductCategory.Fund, 4, null, null),
        P(33, "FD-TECH", "科技成长股票基金", ProductCategory.Fund, 5, null, null),
        P(34, "FD-QDII", "全球科技 QDII 基金", ProductCategory.Fund, 5, null, null),
        P(35, "FD-GOLD", "黄金 ETF 联接基金", ProductCategory.Fund, 4, null, null),
        P(40, "INS-ANN", "金福年金保险", ProductCategory.Insurance, null, null, null),
        P(41, "INS-CI", "安康重大疾病保险", ProductCategory.Insurance, null, null, null),
        P(42, "INS-EDU", "少儿教育金保险", ProductCategory.Insurance, null, null, null),
        P(43, "INS-WL", "传世增额终身寿险", ProductCategory.Insurance, null, null, null),
        P(50, "ML-COMM", "个人住房商业贷款", ProductCategory.Mortgage, null, 3.05m, 360),
        P(51, "ML-COMBO", "公积金组合贷款", ProductCategory.Mortgage, null, 2.85m, 360),
        P(60, "CL-FLASH", "闪电贷个人信用贷款", ProductCategory.ConsumerLoan, null, 3.60m, 36),
        P(61, "CL-RENO", "家装分期贷款", ProductCategory.ConsumerLoan, null, 4.20m, 60),
        P(62, "CL-AUTO", "汽车消费贷款", ProductCategory.ConsumerLoan, null, 3.80m, 36),
        P(70, "CC-STD", "标准信用卡", ProductCategory.CreditCard, null, null, null),
        P(71, "CC-PLAT", "白金信用卡", ProductCategory.CreditCard, null, null, null),
        P(72, "CC-TRAVEL", "旅行联名信用卡", ProductCategory.CreditCard, null, null, null),
        P(80, "FX-USD", "美元活期存款", ProductCategory.ForeignExchange, null, 0.05m, null, "USD"),
        P(81, "FX-EUR", "欧元活期存款", ProductCategory.ForeignExchange, null, 0.01m, null, "EUR"),
        P(82, "FX-HKD", "港币活期存款", ProductCategory.ForeignExchange, null, 0.01m, null, "HKD"),
        P(90, "CLN-WC", "流动资金贷款", ProductCategory.CorporateLoan, null, 3.45m, 12),
        P(91, "CLN-TRADE", "进出口贸易融资", ProductCategory.CorporateLoan, null, 3.20m, 6),
        P(92, "CLN-TECH", "科技型企业信用贷", ProductCategory.CorporateLoan, null, 3.30m, 24),
        P(93, "CLN-FA", "固定资产贷款", ProductCategory.CorporateLoan, null, 3.90m, 60),
    ];

    private static readonly Dictionary<int, Product> ById = All.ToDictionary(p => p.Id);

    public static Product Get(int id) => ById[id];

    /// <summary>Products a customer might look at in the app (wealth, funds, insurance, loans, cards).</summary>
    public static readonly IReadOnlyList<int> Browsable =
        [.. All.Where(p => p.Category is not (ProductCategory.DemandDeposit or ProductCategory.CorporateLoan) && !p.Code.Contains("CORP", StringComparison.Ordinal) && p.Id != CorporateTimeDeposit).Select(p => p.Id)];

    private static Product P(int id, string code, string name, ProductCategory category, int? risk, decimal? rate, int? term, string currency = "CNY") =>
        new() { Id = id, Code = code, Name = name, Category = category, RiskLevel = risk, AnnualRatePercent = rate, TermMonths = term, Currency = currency };
}
