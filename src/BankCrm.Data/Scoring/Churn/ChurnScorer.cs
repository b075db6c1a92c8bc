using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>Scores a batch with the newest stored churn model of the current feature set, with the top factors in words.</summary>
internal sealed class ChurnScorer(CrmDbContext db, ChurnModelCache cache) : IChurnScorer
{
    public async Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> customerIds, DateOnly asOf, CancellationToken cancellationToken)
    {
        var models = db.Set<MlModel>().AsNoTracking().Where(m => m.Kind == ChurnTraining.Kind && m.FeatureSet == ChurnFeatureSet.Name);
        var newest = await models.OrderByDescending(m => m.Version).Select(m => new { m.Id, m.Kind, m.Version }).FirstOrDefaultAsync(cancellationToken);
        if (newest is null || customerIds.Count == 0)
        {
            return new Dictionary<long, ChurnPrediction>();
        }

        var model = await cache.GetAsync(newest.Id, ct => models.Where(m => m.Id == newest.Id).Select(m => m.ModelBytes).SingleAsync(ct), cancellationToken);
        var features = await new ChurnFeatureQuery(db).ComputeAsync(customerIds, asOf, cancellationToken);
        var explained = model.Explain([.. features.Select(f => new ChurnExample { Features = ChurnFeatureSet.Vector(f) })]);
        var version = $"{newest.Kind}-v{newest.Version}";
        var result = new Dictionary<long, ChurnPrediction>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var (probability, contributions) = explained[i];
            result[features[i].CustomerId] = new ChurnPrediction(probability, version, ChurnFactors.Describe(features[i], contributions));
        }

        return result;
    }
}
