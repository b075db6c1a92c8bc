namespace BankCrm.Core.Engagement.Outreach;

/// <summary>The settings of the outbox policy (configuration section <c>Outreach</c>); the defaults are the bank's.</summary>
public sealed record OutreachRules(QuietHours QuietHours, IReadOnlyList<FrequencyCap> MarketingCaps, RetrySchedule Retry)
{
    public static OutreachRules Default { get; } = new(QuietHours.Default, FrequencyCap.Defaults, RetrySchedule.Default);
}
