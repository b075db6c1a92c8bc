namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>What the class rules read: the values computed before them for the same customer and run.</summary>
public sealed record ClassInputs(
    ValueTier Tier, LifecycleStage Stage, byte RecencyScore, byte FrequencyScore, byte MonetaryScore,
    int ProductPenetration, decimal AumGrowth, double? ChurnProbability);

/// <summary>
/// The four classes of seed 002 三(一)1, tested in this order (the first that matches wins):
/// 关注级 (churn warning, needs activating) → 战略级 (high value + high stickiness) → 成长级 (potential + fast
/// growth) → 基础级 (everyone else: inclusive, everyday transactions).
/// </summary>
public static class CustomerClassRules
{
    public const double ChurnWarningProbability = 0.5;
    public const int StickyPenetration = 3;
    public const decimal FastGrowth = 0.20m;

    public static CustomerClass Classify(ClassInputs inputs)
    {
        if (NeedsAttention(inputs))
        {
            return CustomerClass.Attention;
        }

        if (inputs.Tier == ValueTier.Vip && IsSticky(inputs))
        {
            return CustomerClass.Strategic;
        }

        return HasPotential(inputs) ? CustomerClass.Growth : CustomerClass.Basic;
    }

    /// <summary>Decline warning, a likely churner, or dormant: nothing recent and hardly anything in the window.</summary>
    public static bool NeedsAttention(ClassInputs inputs) =>
        inputs.Stage == LifecycleStage.DeclineWarning
        || inputs.ChurnProbability >= ChurnWarningProbability
        || (inputs.Stage != LifecycleStage.New && inputs.RecencyScore == 1 && inputs.FrequencyScore == 1);

    /// <summary>Sticky: three or more product categories and above-median transaction frequency.</summary>
    public static bool IsSticky(ClassInputs inputs) =>
        inputs.ProductPenetration >= StickyPenetration && inputs.FrequencyScore >= 3;

    /// <summary>
    /// Potential: a VIP not yet sticky (room to deepen), or a mass-affluent customer who is new, growing (20% more
    /// AUM than six months ago) or among the top 40% by transaction amount.
    /// </summary>
    public static bool HasPotential(ClassInputs inputs) =>
        inputs.Tier == ValueTier.Vip
        || (inputs.Tier == ValueTier.MassAffluent
            && (inputs.Stage is LifecycleStage.New or LifecycleStage.Growth || inputs.AumGrowth >= FastGrowth || inputs.MonetaryScore >= 4));

    /// <summary>Relative AUM change over the growth look-back; a start below ¥1,000 counts as ¥1,000 so new money does not divide by zero.</summary>
    public static decimal AumGrowth(CustomerSignals signals) =>
        (signals.Aum - signals.AumBefore) / Math.Max(signals.AumBefore, 1_000m);
}
