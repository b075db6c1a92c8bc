namespace BankCrm.Core.Segmentation.Scoring;

/// <summary>What a customer carried on the previous run, for the stage's start date.</summary>
public sealed record PreviousScore(LifecycleStage Stage, DateOnly Since);

/// <summary>The churn model's answer for one customer, when a model has been trained.</summary>
public sealed record ChurnInput(double Probability, string ModelVersion, IReadOnlyList<string> Factors);

/// <summary>Applies every rule, in order, to one customer's signals: the whole picture of one run date.</summary>
public static class ScoreCalculator
{
    public static (CustomerScore Score, IReadOnlyList<DetectedNeed> Needs) Calculate(
        CustomerSignals s, DateOnly runDate, RfmThresholds thresholds, ScoringSettings settings, PreviousScore? previous, ChurnInput? churn)
    {
        var recencyDays = Rfm.RecencyDays(s, runDate);
        var recency = Rfm.RecencyScore(recencyDays, thresholds);
        var frequency = Rfm.Score(s.Frequency, thresholds.Frequency);
        var monetary = Rfm.Score((double)s.Monetary, thresholds.Monetary);

        var stage = Lifecycle.Classify(s, runDate, settings);
        var lifecycle = Lifecycle.WithSince(stage, s, runDate, previous is null ? null : new LifecycleResult(previous.Stage, previous.Since));
        var tier = ValueTiering.Tier(s.Aum, s.Type, settings.Tiers);
        var penetration = s.CategoriesHeld.Count;
        var customerClass = CustomerClassRules.Classify(new ClassInputs(
            tier, stage, recency, frequency, monetary, penetration, CustomerClassRules.AumGrowth(s), churn?.Probability));
        var health = Health.Score(s, penetration, settings.ActivityPeriodMonths);

        var score = new CustomerScore
        {
            RunDate = runDate,
            CustomerId = s.CustomerId,
            RecencyDays = recencyDays,
            Frequency = s.Frequency,
            Monetary = s.Monetary,
            RecencyScore = recency,
            FrequencyScore = frequency,
            MonetaryScore = monetary,
            Aum = s.Aum,
            LifecycleStage = lifecycle.Stage,
            StageSince = lifecycle.Since,
            ValueTier = tier,
            CustomerClass = customerClass,
            ProductPenetration = penetration,
            HealthValue = health.Value,
            HealthBehaviour = health.Behaviour,
            HealthSatisfaction = health.Satisfaction,
            HealthScore = health.Total,
            ChurnProbability = churn?.Probability,
            ChurnFactors = churn is null ? null : string.Join('\n', churn.Factors),
            ChurnModelVersion = churn?.ModelVersion,
        };
        return (score, NeedRules.Detect(s, runDate, penetration));
    }
}
