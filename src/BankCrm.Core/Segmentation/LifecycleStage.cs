namespace BankCrm.Core.Segmentation;

/// <summary>Where a customer is in the relationship (seed 002 三(四)1).</summary>
public enum LifecycleStage
{
    /// <summary>Onboarding: the first 3 months.</summary>
    New = 1,

    /// <summary>3 months to 1 year.</summary>
    Growth = 2,

    /// <summary>Over 1 year.</summary>
    Mature = 3,

    /// <summary>Activity (transactions and app logins) down 30% or more against the previous comparable period.</summary>
    DeclineWarning = 4,
}
