using System.Globalization;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// The idempotency key of what one step of one enrolment produces: the outbox message and the task carry it, so a
/// step run again (a retry, a lease taken over after a crash) finds its message or task instead of making another.
/// </summary>
public static class StepKeys
{
    public static string For(long enrolmentId, int stepIndex) =>
        $"enrolment:{enrolmentId.ToString(CultureInfo.InvariantCulture)}:step:{stepIndex.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The prefix of every key of one enrolment.</summary>
    public static string Prefix(long enrolmentId) => $"enrolment:{enrolmentId.ToString(CultureInfo.InvariantCulture)}:step:";
}
