namespace BankCrm.Core.Engagement.Outreach;

/// <summary>At most <see cref="MaxMessages"/> marketing messages to one customer in any <see cref="Days"/> days.</summary>
public sealed record FrequencyCap(int MaxMessages, int Days)
{
    /// <summary>
    /// Defaults against over-marketing (seed 002: "高净值客户被过度营销"): 2 in 7 days and 4 in 30 days, counted over
    /// messages actually sent, so blocked and deferred ones do not use up the allowance.
    /// </summary>
    public static IReadOnlyList<FrequencyCap> Defaults { get; } = [new(2, 7), new(4, 30)];

    /// <summary>Whether one more message at <paramref name="now"/> would exceed this cap, given when earlier ones were sent.</summary>
    public bool IsReached(IEnumerable<DateTime> sentAt, DateTime now)
    {
        var windowStart = now.AddDays(-Days);
        return sentAt.Count(at => at > windowStart && at <= now) >= MaxMessages;
    }

    public string Describe() => $"{Days} 天内最多 {MaxMessages} 条";
}
