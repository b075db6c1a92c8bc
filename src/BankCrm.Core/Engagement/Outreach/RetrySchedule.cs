namespace BankCrm.Core.Engagement.Outreach;

/// <summary>
/// How long to wait after a failed delivery before trying again; after the last delay the message is a dead letter
/// that a person looks at and may resend. Default: 1 min, 5 min, 30 min, 2 h, i.e. five tries over about 2.5 hours.
/// </summary>
public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays)
{
    public static RetrySchedule Default { get; } = new([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);

    public int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure (1-based), or null when it is a dead letter.</summary>
    public TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= Delays.Count ? Delays[failedAttempts - 1] : null;
}
