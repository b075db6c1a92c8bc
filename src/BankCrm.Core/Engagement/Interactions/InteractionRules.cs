using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Tasks;

namespace BankCrm.Core.Engagement.Interactions;

/// <summary>
/// A contact that a member of staff logs by hand: a call, a visit, a WeCom chat, a talk at the branch or a salon,
/// with its outcome (from <see cref="TaskOutcomes"/>) and the next step. App and e-mail contacts are recorded by the
/// systems that make them, not typed in.
/// </summary>
public static class InteractionRules
{
    public const int MaxSummaryLength = 2000;
    public const int MaxNextStepLength = 500;

    /// <summary>How far back a contact may be logged: last week's visit, not last year's.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(90);

    public static IReadOnlyList<InteractionChannel> LoggableChannels { get; } =
        [InteractionChannel.Call, InteractionChannel.Visit, InteractionChannel.WeCom, InteractionChannel.Branch, InteractionChannel.Salon];

    public static IReadOnlyList<FieldError> Validate(string? channel, string? summary, string? outcome, string? nextStep, DateTime? occurredAt, DateTime now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(channel))
        {
            errors.Add(new FieldError("channel", "required", "请选择互动渠道"));
        }
        else if (!TryParseChannel(channel, out _))
        {
            errors.Add(new FieldError("channel", "unknown", "互动渠道只能是 Call（电话）、Visit（拜访）、WeCom（企业微信）、Branch（网点）或 Salon（沙龙）"));
        }

        var cleanSummary = TextNormalizer.Clean(summary);
        if (cleanSummary.Length == 0)
        {
            errors.Add(new FieldError("summary", "required", "请填写互动内容"));
        }
        else if (cleanSummary.Length > MaxSummaryLength)
        {
            errors.Add(new FieldError("summary", "too_long", $"互动内容不能超过 {MaxSummaryLength} 个字"));
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            errors.Add(new FieldError("outcome", "required", "请选择互动结果"));
        }
        else if (!TaskOutcomes.TryParse(outcome, out _))
        {
            errors.Add(new FieldError("outcome", "unknown", "互动结果须从列表中选择：" + string.Join("、", TaskOutcomes.All.Select(TaskOutcomes.Text))));
        }

        if (TextNormalizer.Clean(nextStep).Length > MaxNextStepLength)
        {
            errors.Add(new FieldError("nextStep", "too_long", $"下一步不能超过 {MaxNextStepLength} 个字"));
        }

        if (occurredAt is { } at && at > now + TaskRules.ClockSlack)
        {
            errors.Add(new FieldError("occurredAt", "future", "互动时间不能晚于当前时间"));
        }
        else if (occurredAt is { } earlier && earlier < now - LongestDelay)
        {
            errors.Add(new FieldError("occurredAt", "too_old", "只能补记 90 天内的互动"));
        }

        return errors;
    }

    /// <summary>A loggable channel by its name ("Call"); other channels and numbers are refused.</summary>
    public static bool TryParseChannel(string? value, out InteractionChannel channel)
    {
        channel = default;
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed) && trimmed.All(char.IsAsciiLetter)
            && Enum.TryParse(trimmed, ignoreCase: true, out channel) && LoggableChannels.Contains(channel);
    }
}
