using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// Which playbooks act on a profile, and so enrol only customers who may be profiled (<see cref="Consent.ProfilingConsent"/>):
/// those fired by a profiling signal (a lifecycle stage or a churn warning, a detected need, entering a segment), and
/// those whose conditions read what the bank observes or derives (holdings, transactions, app behaviour, scores,
/// tags, needs). A service event (an account opened, a loan maturing, a mortgage anniversary), a date (birthday,
/// holiday, the monthly card) narrowed only by what the customer declared (age, place, type, occupation, industry)
/// is not profiling and reaches every customer, within the marketing consent checked when a message is sent.
/// </summary>
public static class ProfilingTriggers
{
    public static bool ActsOnProfile(PlaybookTrigger trigger, CustomerRule? conditions) =>
        trigger.Kind is TriggerKind.StageChanged or TriggerKind.NeedDetected or TriggerKind.SegmentEntry
        || (conditions is not null && ReadsProfile(conditions));

    /// <summary>True when a rule tests any field beyond the customer's declared profile.</summary>
    public static bool ReadsProfile(CustomerRule rule) =>
        rule.Groups.SelectMany(g => g.Conditions).Any(c => RuleFields.Find(c.Field) is not { Group: RuleFieldGroup.Profile });
}
