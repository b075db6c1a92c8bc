namespace BankCrm.Data.Scoring.Churn;

/// <summary>What one training run did: on which data, how the held-out part scored, and the version it stored (if any).</summary>
public sealed record ChurnTrainingResult(
    string Source,
    string Split,
    int TrainCustomers,
    int TrainChurners,
    ChurnEvaluation Evaluation,
    TimeSpan Elapsed,
    string? StoredVersion);
