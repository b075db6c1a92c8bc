using System.Globalization;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// Puts the reasons behind a churn probability into words. The model attributes its score to each feature (the
/// contribution of the feature along each tree's path); contributions are summed per topic, and the three topics
/// that push the probability up the most are described with the customer's own values.
/// </summary>
internal static class ChurnFactors
{
    public const int Count = 3;

    public static IReadOnlyList<string> Describe(ChurnFeatures features, IReadOnlyList<float> contributions)
    {
        var byTopic = new Dictionary<ChurnTopic, double>();
        for (var i = 0; i < ChurnFeatureSet.Features.Count; i++)
        {
            var topic = ChurnFeatureSet.Features[i].Topic;
            byTopic[topic] = byTopic.GetValueOrDefault(topic) + contributions[i];
        }

        return [.. byTopic.OrderByDescending(t => t.Value).ThenBy(t => t.Key).Take(Count).Select(t => Sentence(t.Key, features))];
    }

    public static string Sentence(ChurnTopic topic, ChurnFeatures f) => topic switch
    {
        ChurnTopic.Transactions => f.Transactions90 == 0 && f.TransactionsPrevious90 == 0
            ? "近 180 天没有交易"
            : $"近 90 天交易笔数{Trend(f.TransactionChange90)}（{f.TransactionsPrevious90} → {f.Transactions90} 笔），最近一笔在 {Days(f.DaysSinceLastTransaction)}",
        ChurnTopic.Assets => $"资产余额 90 天内{Trend(f.AumChange90)}（{Money(f.Aum90DaysAgo)} → {Money(f.Aum)}）",
        ChurnTopic.Logins => f.Logins90 == 0 && f.LoginsPrevious90 == 0
            ? "近 180 天未登录手机银行"
            : $"近 90 天手机银行登录次数{Trend(f.LoginChange90)}（{f.LoginsPrevious90} → {f.Logins90} 次）",
        ChurnTopic.Salary => f.Salaries60 == 0
            ? (f.SalariesPrevious120 > 0 ? $"近 60 天没有工资入账（此前 120 天有 {f.SalariesPrevious120} 笔）" : "近 180 天没有工资入账")
            : $"近 60 天工资入账 {f.Salaries60} 笔（此前 120 天 {f.SalariesPrevious120} 笔）",
        ChurnTopic.TransfersOut => f.TransfersOut90 <= 0
            ? "近 90 天没有转出"
            : $"近 90 天转出 {Money(f.TransfersOut90)}，相当于 90 天前资产的 {Percent(f.TransferOutShare90)}",
        ChurnTopic.Redemptions => f.Redemptions90 == 0 ? "近 90 天没有赎回理财或基金" : $"近 90 天赎回理财或基金 {f.Redemptions90} 笔",
        ChurnTopic.Complaints => f.Complaints180 == 0 ? "近 180 天没有投诉" : $"近 180 天有 {f.Complaints180} 次投诉",
        ChurnTopic.OtherBanks => f.OtherBankMentions180 == 0 ? "服务记录中未提及他行" : $"近 180 天有 {f.OtherBankMentions180} 条服务记录提到他行",
        ChurnTopic.Tenure => $"成为本行客户 {f.TenureYears.ToString("0.#", CultureInfo.InvariantCulture)} 年",
        ChurnTopic.Products => $"持有 {f.ProductCategories} 类产品",
        _ => f.IsCorporate ? "对公客户" : $"{(int)f.Age} 岁个人客户",
    };

    private static string Trend(double change) => Math.Round(change * 100) switch
    {
        < 0 and var drop => $"下降 {-drop:0}%",
        > 0 and var rise => $"增长 {rise:0}%",
        _ => "持平",
    };

    private static string Percent(double share) => $"{Math.Round(share * 100):0}%";

    private static string Days(int days) => days > 180 ? "半年以前" : days <= 0 ? "今天" : $"{days} 天前";

    private static string Money(double amount) => amount >= 10_000
        ? $"¥{(amount / 10_000).ToString("#,0.#", CultureInfo.InvariantCulture)} 万"
        : $"¥{amount.ToString("#,0", CultureInfo.InvariantCulture)}";
}
