using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// The lifecycle playbooks BankCrm ships with (seed 002 三(二) and 三(四)1–2), written by us. They are data: created on
/// start when no playbook carries their code, then edited, disabled or replaced by marketing; never overwritten.
/// </summary>
public static class ShippedPlaybooks
{
    public const string Welcome = "welcome-72h";
    public const string GrowthCards = "growth-knowledge-cards";
    public const string Renovation = "need-renovation-loan";
    public const string FundLead = "fund-sip-lead";
    public const string MatureSalon = "mature-salon";
    public const string Holidays = "holiday-greetings";
    public const string DeclineReactivation = "decline-reactivation";
    public const string LoanRenewal = "loan-renewal";

    public sealed record Shipped(string Code, PlaybookDefinition Definition);

    /// <summary>Seed 002 三(四)2: the pre-screening questions of a fund SIP lead, sent as a message; the answers come back through the API (from the app, a future service bot, or an agent who asked).</summary>
    public static readonly IReadOnlyList<string> FundQuestions = ["您每月计划定投多少金额？", "您计划定投多长时间？", "您能接受的最大亏损幅度是多少？"];

    public static readonly IReadOnlyList<Shipped> All =
    [
        new(Welcome, new PlaybookDefinition(
            "新客 72 小时破冰礼包",
            "开户 72 小时内：服务指南、客户经理名片、新手福利，随后由客户经理电话问候（种子文档 三(二)1 新客破冰期）。",
            new PlaybookTrigger(TriggerKind.AccountOpened, Hours: 72, FirstAccountOnly: true),
            null,
            [
                Message("Service", "专属服务指南", "{{ customer_name }}您好，欢迎成为{{ branch_name }}的客户！您的专属服务指南已送达：手机银行可办理转账、理财、账户查询，7×24 小时客服热线随时为您服务。"),
                Message("Service", "您的专属客户经理", "{{ customer_name }}您好，我是您的专属客户经理{{ rm_name }}，联系电话 {{ rm_phone }}。有任何金融需求，欢迎随时联系我。"),
                Wait(24),
                Message("Marketing", "新手福利", "{{ customer_name }}您好，新客专享福利已发放：{{ offer }}。详情可咨询客户经理{{ rm_name }}（{{ rm_phone }}）。", offer: "首笔转账免手续费"),
                Wait(24),
                Task("新客户欢迎回访", "新客户开户 72 小时内电话问候，了解需求并介绍手机银行", "Normal", 1),
            ],
            new PlaybookExitRules(MaxDays: 7))),
        new(GrowthCards, new PlaybookDefinition(
            "成长期每月知识卡",
            "成长期客户每月一张场景化知识卡（种子文档 三(二)1 成长培育期）。",
            new PlaybookTrigger(TriggerKind.Recurring, Every: PlaybookVocabulary.Monthly),
            Rule(Cond(RuleFields.LifecycleStage, "Growth")),
            [
                Message("Marketing", "本月理财知识卡", "{{ customer_name }}您好，本月知识卡：「工资到账后怎么分配？」建议按“生活开支、应急备用、稳健增值”三笔规划，应急金留足 3–6 个月开支。想要一份专属规划，可联系客户经理{{ rm_name }}（{{ rm_phone }}）。"),
            ],
            new PlaybookExitRules(MaxDays: 20))),
        new(Renovation, new PlaybookDefinition(
            "房贷满 6 个月装修分期",
            "房贷客户还款满 6 个月，推送装修分期与家电补贴，并请客户经理跟进（种子文档 三(二)1 需求唤醒）。",
            new PlaybookTrigger(TriggerKind.MortgageRepaidMonths, Months: 6),
            null,
            [
                Message("Marketing", "装修分期与家电补贴", "{{ customer_name }}您好，新家入住在即？{{ product_name }}为您提供装修分期，{{ offer }}。详询客户经理{{ rm_name }}（{{ rm_phone }}）。",
                    productName: "家装分期贷", offer: "分期免首期手续费，并享指定家电补贴"),
                Wait(48),
                Task("装修分期需求跟进", "房贷客户还款满 6 个月，可能有装修与家电需求", "Normal", 5),
            ],
            new PlaybookExitRules(ExitOnProductCategory: "ConsumerLoan", MaxDays: 30))),
        new(FundLead, new PlaybookDefinition(
            "基金定投线索（需求初筛）",
            "产品渗透率低且近期浏览基金页面的客户：先请客户在 App 或智能客服中回答初筛问题，回复者作为高意向线索转交客户经理，附初筛答案（种子文档 三(四)1–2）。",
            new PlaybookTrigger(TriggerKind.NeedDetected, NeedCode: NeedRules.FundInvestment),
            null,
            [
                Message("Marketing", "专属基金定投方案", "{{ customer_name }}您好，看到您最近在关注基金。回答 3 个小问题，客户经理{{ rm_name }}将为您定制定投方案：1. 每月计划定投多少？2. 计划投多长时间？3. 能接受的最大亏损？"),
                Branch(72, 2, 4),
                Task("基金定投高意向客户跟进", "客户已回复基金定投初筛问卷，请按答案准备定投方案", "High", 2, FundQuestions),
                new PlaybookStep(StepKind.Exit),
                Task("基金定投推荐", "产品渗透率低，近期浏览过基金页面；请电话了解并完成初筛问卷", "Normal", 7, FundQuestions),
            ],
            new PlaybookExitRules(ExitOnProductCategory: "Fund", MaxDays: 30))),
        new(MatureSalon, new PlaybookDefinition(
            "高净值客户季度闭门沙龙",
            "成熟期贵宾客户每季度一次闭门沙龙邀请，回复报名者由客户经理确认（种子文档 三(二)1 成熟维护期）。",
            new PlaybookTrigger(TriggerKind.Recurring, Every: PlaybookVocabulary.Quarterly),
            Rule(Cond(RuleFields.LifecycleStage, "Mature"), Cond(RuleFields.ValueTier, "Vip")),
            [
                Message("Marketing", "闭门沙龙邀请", "尊敬的{{ customer_name }}，{{ branch_name }}诚邀您参加本季度闭门沙龙「家族信托与全球化资产配置」，名额有限。回复即可报名，客户经理{{ rm_name }}将与您确认时间。"),
                Branch(72, 2, 3),
                Task("确认沙龙出席", "客户回复报名本季度闭门沙龙，请确认出席时间与同行人数", "Normal", 3),
            ],
            new PlaybookExitRules(MaxDays: 30))),
        new(Holidays, new PlaybookDefinition(
            "节日问候",
            "春节、元宵、端午、中秋、国庆、元旦等节日当天的问候（种子文档 三(二)1 轻互动）；日期每年由营销人员维护。",
            new PlaybookTrigger(TriggerKind.Holiday, HolidayDates: ["2027-01-01", "2027-02-06", "2027-02-20", "2027-06-09", "2027-09-15", "2027-10-01", "2028-01-01", "2028-01-26"]),
            null,
            [
                Message("Marketing", "节日问候", "{{ customer_name }}您好，佳节已至，{{ branch_name }}全体员工祝您节日快乐、阖家幸福！客户经理{{ rm_name }}敬上。"),
            ],
            new PlaybookExitRules(MaxDays: 2))),
        new(DeclineReactivation, new PlaybookDefinition(
            "衰退预警权益唤醒",
            "客户进入衰退预警期（活跃度下降 30%）：发送专属理财权益，并由客户经理一对一需求诊断、排查服务问题（种子文档 三(二)1 流失预警期）。",
            new PlaybookTrigger(TriggerKind.StageChanged, Stage: "DeclineWarning"),
            null,
            [
                Message("Marketing", "专属理财权益", "{{ customer_name }}您好，感谢您一直以来的信任。我们为您准备了{{ offer }}，详情可联系客户经理{{ rm_name }}（{{ rm_phone }}）。",
                    productName: "稳健理财", offer: "专属理财：收益上浮 0.5%"),
                Task("一对一需求诊断（衰退预警）", "客户进入衰退预警期，请一对一需求诊断，并排查服务问题（如 App 体验）", "High", 3),
            ],
            new PlaybookExitRules(MaxDays: 30))),
        new(LoanRenewal, new PlaybookDefinition(
            "贷款到期一键续贷",
            "贷款到期前 30 天提醒客户一键续贷，并请客户经理跟进（种子文档 三(三)3）。",
            new PlaybookTrigger(TriggerKind.LoanMaturityInDays, Days: 30),
            null,
            [
                Message("Service", "贷款到期提醒", "{{ customer_name }}您好，您的贷款即将到期。如需继续用款，可在手机银行一键申请续贷，或联系客户经理{{ rm_name }}（{{ rm_phone }}）。"),
                Task("贷款续贷跟进", "贷款 30 天内到期，请联系客户确认续贷意向", "High", 7),
            ],
            new PlaybookExitRules(MaxDays: 30))),
    ];

    /// <summary>Adds the shipped playbooks whose code no playbook carries (an edited one is kept as it is); returns how many were added.</summary>
    public static async Task<int> EnsureAsync(CrmDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Playbooks.Select(p => p.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var shipped in All.Where(s => !existing.Contains(s.Code)))
        {
            var playbook = new Playbook { Code = shipped.Code, Enabled = true, UpdatedAt = now, UpdatedBy = "system" };
            PlaybookJson.WriteTo(playbook, shipped.Definition.Normalized());
            db.Playbooks.Add(playbook);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static PlaybookStep Message(string purpose, string subject, string template, string? productName = null, string? offer = null) =>
        new(StepKind.SendMessage, Purpose: purpose, Subject: subject, Template: template, ProductName: productName, Offer: offer);

    private static PlaybookStep Wait(int hours) => new(StepKind.Wait, WaitHours: hours);

    private static PlaybookStep Branch(int hours, int onResponse, int onNoResponse) =>
        new(StepKind.BranchOnResponse, WaitHours: hours, OnResponseGoTo: onResponse, OnNoResponseGoTo: onNoResponse);

    private static PlaybookStep Task(string title, string reason, string urgency, int dueInDays, IReadOnlyList<string>? questions = null) =>
        new(StepKind.CreateTask, TaskTitle: title, TaskReason: reason, Urgency: urgency, DueInDays: dueInDays, Questionnaire: questions);

    private static CustomerRule Rule(params RuleCondition[] conditions) => new() { Groups = [new RuleGroup { Conditions = conditions }] };

    private static RuleCondition Cond(string field, string value) => new() { Field = field, Operator = RuleOperator.Eq, Value = value };
}
