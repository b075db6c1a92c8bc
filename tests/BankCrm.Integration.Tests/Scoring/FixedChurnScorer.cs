using BankCrm.Data.Scoring.Churn;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>A churn model that says the same for everyone, to see the run store what a model answers.</summary>
public sealed class FixedChurnScorer(double probability) : IChurnScorer
{
    public Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, ChurnPrediction>>(
            customerIds.ToDictionary(id => id, _ => new ChurnPrediction(probability, "stub-1", ["近 3 个月登录次数下降 80%", "工资代发已停止", "理财赎回后转出他行"])));
}
