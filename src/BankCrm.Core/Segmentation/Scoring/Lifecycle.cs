namespace BankCrm.Core.Segmentation.Scoring;

public sealed record LifecycleResult(LifecycleStage Stage, DateOnly Since);

/// <summary>
/// Seed 002 三(一)1 and 三(二)1: 新客培育期 (first 3 months), 成长期 (3 months to 1 year), 成熟期 (over 1 year) and
/// 衰退预警期 when activity — transactions plus app logins — fell 30% or more against the previous comparable period.
/// </summary>
public static class Lifecycle
{
    public const int NewMonths = 3;
    public const int MatureMonths = 12;

    public static LifecycleStage Classify(CustomerSignals signals, DateOnly runDate, ScoringSettings settings)
    {
        if (IsDeclining(signals, runDate, settings))
        {
            return LifecycleStage.DeclineWarning;
        }

        var since = signals.CustomerSince;
        return runDate < since.AddMonths(NewMonths) ? LifecycleStage.New
            : runDate < since.AddMonths(MatureMonths) ? LifecycleStage.Growth
            : LifecycleStage.Mature;
    }

    /// <summary>
    /// Only a customer who has been with the bank for both whole periods can decline against the previous one,
    /// and only when the drop is larger than chance: counts of a few events a month swing by 30% from one quarter
    /// to the next without any change of behaviour (Poisson noise), so the drop must also exceed
    /// <see cref="ScoringSettings.DeclineSignificance"/> standard deviations of the difference of two counts.
    /// </summary>
    public static bool IsDeclining(CustomerSignals signals, DateOnly runDate, ScoringSettings settings)
    {
        if (signals.CustomerSince > runDate.AddMonths(-2 * settings.ActivityPeriodMonths))
        {
            return false;
        }

        var previous = signals.ActivityPrevious;
        var current = signals.ActivityCurrent;
        return previous >= settings.MinPreviousActivity
            && current <= previous * (1 - settings.DeclineThreshold)
            && previous - current >= settings.DeclineSignificance * Math.Sqrt(previous + current);
    }

    /// <summary>
    /// When the stage began: carried over from the previous run while the stage is unchanged; a tenure stage
    /// entered by time begins on its anniversary; a decline warning, or a recovery from one, begins on the run date.
    /// </summary>
    public static LifecycleResult WithSince(LifecycleStage stage, CustomerSignals signals, DateOnly runDate, LifecycleResult? previous)
    {
        if (previous is not null && previous.Stage == stage)
        {
            return previous;
        }

        if (stage == LifecycleStage.DeclineWarning || previous?.Stage == LifecycleStage.DeclineWarning)
        {
            return new LifecycleResult(stage, runDate);
        }

        var since = stage switch
        {
            LifecycleStage.New => signals.CustomerSince,
            LifecycleStage.Growth => signals.CustomerSince.AddMonths(NewMonths),
            _ => signals.CustomerSince.AddMonths(MatureMonths),
        };
        return new LifecycleResult(stage, since > runDate ? runDate : since);
    }
}
