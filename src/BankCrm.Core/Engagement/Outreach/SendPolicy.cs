using BankCrm.Core.Consent;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>What the policy decides for a message about to go out.</summary>
public abstract record SendDecision
{
    /// <summary>Go out now on <see cref="Channel"/>.</summary>
    public sealed record Send(ContactChannel Channel) : SendDecision;

    /// <summary>Not yet: try again at <see cref="Until"/> (UTC).</summary>
    public sealed record Defer(ContactChannel Channel, DateTime Until, string Reason) : SendDecision;

    /// <summary>Never: the reason, in Chinese, is shown on the outbox page.</summary>
    public sealed record Block(string Reason) : SendDecision;
}

/// <summary>Everything the policy needs to know about one message and its customer, read at send time.</summary>
public sealed record SendCheck
{
    public required MessagePurpose Purpose { get; init; }

    /// <summary>Null: the customer's preferred channel (the best of <see cref="Ranking"/> the message may go out on).</summary>
    public required ContactChannel? Channel { get; init; }

    /// <summary>A service message that may not wait for the end of the quiet hours (security alert, fraud warning).</summary>
    public bool Urgent { get; init; }

    public required DateTime Now { get; init; }

    public required IReadOnlyList<ConsentRecord> Consents { get; init; }

    public required IReadOnlyList<SuppressionEntry> Suppressions { get; init; }

    /// <summary>When the customer's earlier marketing messages were sent (for the frequency cap).</summary>
    public required IReadOnlyList<DateTime> MarketingSentAt { get; init; }

    public required bool HasMobile { get; init; }

    public required bool HasEmail { get; init; }

    /// <summary>The customer's channels best first (<see cref="ChannelPreferences.Ranked"/>); used when <see cref="Channel"/> is null.</summary>
    public IReadOnlyList<ChannelScore> Ranking { get; init; } = [];
}

/// <summary>
/// The one rule every outgoing message passes, at send time (so a withdrawal between enqueue and send counts):
/// suppression list, a contact address for the channel, marketing consent for the channel (service messages need
/// none), the marketing frequency cap, and quiet hours. The first four block; quiet hours defer to their end.
/// An urgent service message skips the suppression list and the quiet hours, and still needs an address.
/// </summary>
public static class SendPolicy
{
    public static SendDecision Decide(SendCheck check, OutreachRules rules)
    {
        var channel = check.Channel ?? Preferred(check);
        if (channel is not { } chosen)
        {
            return new SendDecision.Block(check.Purpose == MessagePurpose.Marketing
                ? "没有可用渠道：客户在任何可发送的渠道上都未同意营销、没有联系方式或在免打扰名单中"
                : "没有可用渠道：客户没有手机号或电子邮箱，或在免打扰名单中");
        }

        if (Refusal(check, chosen, rules.MarketingCaps) is { } reason)
        {
            return new SendDecision.Block(reason);
        }

        var quietApplies = check.Purpose == MessagePurpose.Marketing || !check.Urgent;
        return quietApplies && rules.QuietHours.Contains(check.Now)
            ? new SendDecision.Defer(chosen, rules.QuietHours.NextAllowed(check.Now), $"免打扰时段（{rules.QuietHours}），顺延到时段结束后发送")
            : new SendDecision.Send(chosen);
    }

    private static string? Refusal(SendCheck check, ContactChannel channel, IReadOnlyList<FrequencyCap> caps)
    {
        if (!ChannelPreferences.MessageChannels.Contains(channel))
        {
            return "电话不经发件箱发送：请为客户经理安排外呼任务";
        }

        if (!(check.Purpose == MessagePurpose.Service && check.Urgent) && ActiveSuppression(check, channel) is { } entry)
        {
            var scope = entry.Channel is { } c ? ChannelName(c) : "全部渠道";
            var until = entry.Until is { } end ? $"，至 {Common.ChinaTime.FromUtc(end):yyyy-MM-dd HH:mm}" : string.Empty;
            return $"客户在免打扰名单中（{scope}{until}）：{entry.Reason}";
        }

        if (MissingAddress(check, channel) is { } missing)
        {
            return missing;
        }

        if (check.Purpose == MessagePurpose.Marketing)
        {
            if (!ConsentPolicy.MayContact(check.Consents, ConsentPurpose.Marketing, channel, check.Now))
            {
                return ConsentPolicy.Current(check.Consents, ConsentPurpose.Marketing, channel, check.Now) is { Granted: false } withdrawn
                    ? $"客户已于 {Common.ChinaTime.FromUtc(withdrawn.RecordedAt):yyyy-MM-dd HH:mm} 撤回{ChannelName(channel)}营销同意"
                    : $"客户未同意通过{ChannelName(channel)}接收营销信息";
            }

            if (caps.FirstOrDefault(cap => cap.IsReached(check.MarketingSentAt, check.Now)) is { } cap)
            {
                return $"已达营销频次上限：{cap.Describe()}";
            }
        }

        return null;
    }

    // The cap is the customer's, not the channel's: it is checked on the chosen channel, so its reason is the one shown.
    private static ContactChannel? Preferred(SendCheck check) =>
        check.Ranking.Select(r => (ContactChannel?)r.Channel).FirstOrDefault(c => Refusal(check, c!.Value, caps: []) is null);

    private static SuppressionEntry? ActiveSuppression(SendCheck check, ContactChannel channel) =>
        check.Suppressions.FirstOrDefault(s => (s.Channel is null || s.Channel == channel) && s.AddedAt <= check.Now && (s.Until is null || s.Until > check.Now));

    private static string? MissingAddress(SendCheck check, ContactChannel channel) => channel switch
    {
        ContactChannel.Sms when !check.HasMobile => "客户没有手机号，无法发送短信",
        ContactChannel.Email when !check.HasEmail => "客户没有电子邮箱，无法发送邮件",
        _ => null,
    };

    /// <summary>Channel names inside reasons; stored with the message, so they are Chinese like every reason.</summary>
    public static string ChannelName(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => "短信",
        ContactChannel.Email => "邮件",
        ContactChannel.WeCom => "企业微信",
        ContactChannel.AppPush => "App 推送",
        ContactChannel.Phone => "电话",
        _ => channel.ToString(),
    };
}
