namespace BankCrm.Data.Scoring.Churn;

public interface IChurnScorer
{
    /// <summary>Scores customers as of a date with the newest trained model; empty result when no model has been trained yet.</summary>
    Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>Probability 0..1; Factors: the top 3 contributing factors in Chinese words.</summary>
public sealed record ChurnPrediction(double Probability, string ModelVersion, IReadOnlyList<string> Factors);
