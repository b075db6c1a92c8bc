namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// Scores customers whose churn inputs the caller already gathered: the streamed run reads them in its one pass
/// over each table instead of querying them again per batch.
/// </summary>
internal interface IChurnFeatureScorer
{
    Task<bool> HasModelAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<ChurnFeatures> features, CancellationToken cancellationToken);
}
