namespace BankCrm.Data.Scoring.Churn;
public interface IChurnScorer
{
    /// Scores customers as of a date with the newest trained model; empty result when no model has been trained yet.
    Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken);
}
/// Probability 0..1; Factors: the top 3 contributing factors in Chinese words, e.g. "近 90 天交易笔数下降 62%", "资产余额 60 天内下降 35%", "有 2 次未解决投诉".
public sealed record ChurnPrediction(double Probability, string ModelVersion, IReadOnlyList<string> Factors);
