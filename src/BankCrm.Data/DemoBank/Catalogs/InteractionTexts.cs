using BankCrm.Core.Engagement;

namespace BankCrm.Data.DemoBank.Catalogs;

/// <summary>Chinese texts of RM contact records: what was discussed, what came of it, what happens next.</summary>
internal static class InteractionTexts
{
    public static readonly IReadOnlyList<string> General =
    [
        "节日问候，客户近况良好", "提醒客户更新 KYC 资料", "介绍手机银行新功能，指导客户开通刷脸登录", "邀请客户参加本月理财沙龙",
        "回访客户对网点服务的评价", "介绍{product}，客户表示会考虑", "了解客户家庭资产规划需求", "提醒客户注意防范电信诈骗",
    ];

    public static readonly IReadOnlyList<string> Investor =
    [
        "沟通理财持仓收益情况，客户较为满意", "客户询问{product}的风险等级和历史业绩", "市场波动较大，向客户解释基金净值回撤原因",
        "理财产品到期，建议客户续购{product}", "为客户做风险承受能力重新评估",
    ];

    public static readonly IReadOnlyList<string> Borrower =
    [
        "客户咨询房贷提前还款流程", "贷款即将到期，确认客户还款安排", "客户咨询消费贷额度和利率", "提醒客户按时还款，避免影响征信",
    ];

    public static readonly IReadOnlyList<string> Depositor =
    [
        "提醒定期存款即将到期，客户考虑续存", "客户询问大额存单利率", "介绍{product}，客户希望保本",
    ];

    public static readonly IReadOnlyList<string> Corporate =
    [
        "走访企业，了解经营和资金需求", "客户咨询流动资金贷款续贷", "协助企业办理代发工资业务", "沟通企业账户年检资料",
        "介绍对公理财产品，财务负责人有意向",
    ];

    public static readonly IReadOnlyList<string> CrossBorder =
    [
        "客户咨询跨境汇款手续费和到账时间", "介绍远期结售汇，帮助企业锁定汇率风险", "协助客户办理出口收汇申报", "客户关注美元汇率走势，约定每周推送汇率简报",
    ];

    public static readonly IReadOnlyList<string> Leaving =
    [
        "客户询问大额转出手续费", "客户表示他行理财收益更高", "客户反映工资卡已改到其他银行",
    ];

    public static readonly IReadOnlyList<string> Outcomes = ["有意向", "已办理", "暂无需求", "需再跟进", "客户已知悉"];

    public static readonly IReadOnlyList<string?> NextSteps = ["一周后再次联系", "发送产品说明书", "邀请参加理财沙龙", "预约网点面谈", null, null];

    public static string Prefix(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Visit => "上门拜访：",
        InteractionChannel.Call => "电话沟通：",
        InteractionChannel.WeCom => "企业微信：",
        InteractionChannel.Branch => "客户到访网点：",
        InteractionChannel.Salon => "理财沙龙：",
        _ => "",
    };
}
