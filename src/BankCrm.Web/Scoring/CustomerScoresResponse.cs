using BankCrm.Core.Segmentation;
using BankCrm.Data.Scoring;

namespace BankCrm.Web.Scoring;

/// <summary>
/// A customer's scores as the API returns them. Amounts — AUM, the RFM monetary value and the amounts inside need
/// evidence and churn reasons — are asset details: null or "¥***" unless the caller holds holdings.read and, where
/// required, a recent step-up (<see cref="AmountsHidden"/> says which).
/// </summary>
public sealed record CustomerScoresResponse(
    CustomerScoreResponse? Latest, IReadOnlyList<ScoreHistoryResponse> History, IReadOnlyList<NeedLine> Needs, bool AmountsHidden)
{
    public static CustomerScoresResponse From(CustomerScoresView view, bool showAssets) => new(
        view.Latest is { } s ? CustomerScoreResponse.From(s, showAssets) : null,
        [.. view.History.Select(h => new ScoreHistoryResponse(h.RunDate, h.CustomerClass, h.ValueTier, h.LifecycleStage, h.HealthScore, showAssets ? h.Aum : null, h.ChurnProbability))],
        [.. view.Needs.Select(n => n with { Evidence = AmountText.Shown(n.Evidence, showAssets) })],
        !showAssets);
}

public sealed record CustomerScoreResponse(
    DateOnly RunDate, long CustomerId, int? RecencyDays, int Frequency, decimal? Monetary, byte RecencyScore, byte FrequencyScore, byte MonetaryScore,
    decimal? Aum, LifecycleStage LifecycleStage, DateOnly StageSince, ValueTier ValueTier, CustomerClass CustomerClass, int ProductPenetration,
    int HealthValue, int HealthBehaviour, int HealthSatisfaction, int HealthScore, double? ChurnProbability, IReadOnlyList<string> ChurnFactors, string? ChurnModelVersion)
{
    public static CustomerScoreResponse From(CustomerScore s, bool showAssets) => new(
        s.RunDate, s.CustomerId, s.RecencyDays, s.Frequency, showAssets ? s.Monetary : null, s.RecencyScore, s.FrequencyScore, s.MonetaryScore,
        showAssets ? s.Aum : null, s.LifecycleStage, s.StageSince, s.ValueTier, s.CustomerClass, s.ProductPenetration,
        s.HealthValue, s.HealthBehaviour, s.HealthSatisfaction, s.HealthScore, s.ChurnProbability,
        AmountText.ChurnReasons(s.ChurnFactors, showAssets), s.ChurnModelVersion);
}

public sealed record ScoreHistoryResponse(
    DateOnly RunDate, CustomerClass CustomerClass, ValueTier ValueTier, LifecycleStage LifecycleStage, int HealthScore, decimal? Aum, double? ChurnProbability);
