using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// Scores customers with the newest stored churn model of the current feature set. Every customer gets a
/// probability; those at or above <see cref="ScoringSettings.ChurnFactorsFrom"/> also get the top factors in words.
/// </summary>
internal sealed class ChurnScorer(CrmDbContext db, ChurnModelCache cache, ScoringSettings? settings = null) : IChurnScorer, IChurnFeatureScorer
{
    private readonly double factorsFrom = (settings ?? new ScoringSettings()).ChurnFactorsFrom;

    public async Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0 || await NewestAsync(cancellationToken) is not { } model)
        {
            return new Dictionary<long, ChurnPrediction>();
        }

        var features = await new ChurnFeatureQuery(db).ComputeAsync(customerIds, asOf, cancellationToken);
        return Predict(model, features);
    }

    public async Task<bool> HasModelAsync(CancellationToken cancellationToken) => await NewestAsync(cancellationToken) is not null;

    public async Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<ChurnFeatures> features, CancellationToken cancellationToken)
    {
        if (features.Count == 0 || await NewestAsync(cancellationToken) is not { } model)
        {
            return new Dictionary<long, ChurnPrediction>();
        }

        return Predict(model, features);
    }

    private Dictionary<long, ChurnPrediction> Predict((TrainedChurnModel Model, string Version) newest, IReadOnlyList<ChurnFeatures> features)
    {
        var (model, version) = newest;
        var probabilities = model.Probabilities([.. features.Select(Example)]);
        var atRisk = Enumerable.Range(0, features.Count).Where(i => probabilities[i] >= factorsFrom).ToList();
        var explained = model.Explain([.. atRisk.Select(i => Example(features[i]))]);
        var factors = new Dictionary<int, IReadOnlyList<string>>(atRisk.Count);
        for (var k = 0; k < atRisk.Count; k++)
        {
            factors[atRisk[k]] = ChurnFactors.Describe(features[atRisk[k]], explained[k].Contributions);
        }

        var result = new Dictionary<long, ChurnPrediction>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            result[features[i].CustomerId] = new ChurnPrediction(probabilities[i], version, factors.GetValueOrDefault(i, []));
        }

        return result;
    }

    private static ChurnExample Example(ChurnFeatures features) => new() { Features = ChurnFeatureSet.Vector(features) };

    private async Task<(TrainedChurnModel Model, string Version)?> NewestAsync(CancellationToken cancellationToken)
    {
        var models = db.Set<MlModel>().AsNoTracking().Where(m => m.Kind == ChurnTraining.Kind && m.FeatureSet == ChurnFeatureSet.Name);
        var newest = await models.OrderByDescending(m => m.Version).Select(m => new { m.Id, m.Kind, m.Version }).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            return null;
        }

        var model = await cache.GetAsync(newest.Id, ct => models.Where(m => m.Id == newest.Id).Select(m => m.ModelBytes).SingleAsync(ct), cancellationToken);
        return (model, $"{newest.Kind}-v{newest.Version}");
    }
}
