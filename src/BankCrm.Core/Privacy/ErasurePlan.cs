namespace BankCrm.Core.Privacy;

public enum ErasureMode
{
    /// <summary>The bank must keep identity and transactions: erase everything else (删除受限).</summary>
    Restricted = 1,

    /// <summary>Nothing must be kept: anonymise the record itself (匿名化).</summary>
    Full = 2,
}

/// <summary>What one customer's erasure removes and keeps, and why; shown before it runs and stored with the request after.</summary>
public sealed record ErasurePlan(ErasureMode Mode, DateOnly? RetainUntil, string Basis, IReadOnlyList<ErasureItem> Erased, IReadOnlyList<ErasureItem> Retained);

/// <summary>One kind of data, by a stable code and its Chinese label, with the reason when it is kept.</summary>
public sealed record ErasureItem(string Code, string Label, string? Reason = null);

/// <summary>The facts about a customer that decide how far an erasure may go.</summary>
public sealed record ErasureFacts(bool HasOpenAccounts, DateOnly? RelationshipEndedOn, DateOnly Today, int RetentionYears);

/// <summary>
/// PIPL Art. 47 gives the right to deletion, but not where another law sets a retention period (Art. 47 para. 2): the
/// Anti-Money Laundering Law makes banks keep customer identity data for a number of years after the business
/// relationship ends and transaction records for as long after the transaction (<c>Privacy:RetentionYears</c>).
/// While accounts are open or that period runs, identity and transactions stay and everything else goes; afterwards
/// the record is anonymised.
/// </summary>
public static class ErasurePolicy
{
    public const int DefaultRetentionYears = 5;

    private const string AmlBasis = "《反洗钱法》：客户身份资料在业务关系结束后、交易记录在交易结束后须保存法定年限";

    public static ErasurePlan Plan(ErasureFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.RetentionYears < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(facts), facts.RetentionYears, "Privacy:RetentionYears must not be negative.");
        }

        List<ErasureItem> erased =
        [
            new("consents", "营销、用户画像与第三方共享授权（记录撤回）"),
            new("contact-points", "其他联系方式（电话、邮箱、地址、企业微信）"),
            new("email", "电子邮箱"),
            new("address", "地址（省、市、区、详细地址）"),
            new("interaction-text", "互动记录正文（摘要、结果、下一步）"),
            new("profiling", "评分、客群分层与需求标签"),
            new("app-events", "手机银行行为记录"),
        ];
        List<ErasureItem> retained =
        [
            new("consent-history", "授权与撤回记录本身", "证明曾取得同意及已撤回（PIPL 第十四、十五条）"),
            new("audit-log", "审计日志（已脱敏）", "记录谁在何时处理了个人信息，依法不可删改"),
            new("request", "本请求及其处理记录", "证明已在期限内响应请求（PIPL 第五十条）"),
        ];

        if (facts.HasOpenAccounts)
        {
            const string Reason = "客户仍有未销户账户：履行合同所必需（PIPL 第十三条第二项），且须满足反洗钱保存要求";
            retained.InsertRange(0,
            [
                new("identity", "姓名、证件号码、性别、出生日期、证件资料", Reason),
                new("mobile", "手机号码", "账户存续期间须能联系客户（账户变动通知、风险提示）"),
                new("accounts", "账户", Reason),
                new("transactions", "交易记录", AmlBasis),
            ]);
            return new ErasurePlan(ErasureMode.Restricted, null, Reason, erased, retained);
        }

        var endedOn = facts.RelationshipEndedOn ?? facts.Today;
        var retainUntil = endedOn.AddYears(facts.RetentionYears);
        if (facts.Today < retainUntil)
        {
            var reason = $"业务关系于 {endedOn:yyyy-MM-dd} 结束，保存期限 {facts.RetentionYears} 年至 {retainUntil:yyyy-MM-dd}";
            erased.Insert(0, new("mobile", "手机号码"));
            retained.InsertRange(0,
            [
                new("identity", "姓名、证件号码、性别、出生日期、证件资料", $"{AmlBasis}；{reason}"),
                new("accounts", "账户（已销户）", AmlBasis),
                new("transactions", "交易记录", AmlBasis),
            ]);
            return new ErasurePlan(ErasureMode.Restricted, retainUntil, reason, erased, retained);
        }

        erased.InsertRange(0,
        [
            new("name", "姓名（改为“已删除客户 #编号”）"),
            new("id-number", "证件号码与证件资料"),
            new("mobile", "手机号码"),
            new("birth-date", "出生日期与性别"),
            new("relationships", "亲属及关联关系"),
            new("change-history", "变更历史中的上述原值"),
        ]);
        retained.InsertRange(0,
        [
            new("accounts", "账户与交易（不再指向可识别的个人）", "保存期限已过，仅作为匿名化的业务统计保留"),
        ]);
        return new ErasurePlan(ErasureMode.Full, retainUntil, $"业务关系于 {endedOn:yyyy-MM-dd} 结束，保存期限已于 {retainUntil:yyyy-MM-dd} 届满", erased, retained);
    }

    /// <summary>The name an anonymised customer carries: the record stays (accounts point to it), the person does not.</summary>
    public static string AnonymousName(long customerId) => $"已删除客户 #{customerId}";
}
