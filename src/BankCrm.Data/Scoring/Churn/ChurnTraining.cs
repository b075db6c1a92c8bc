using System.Text.Json;
using System.Text.Json.Serialization;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// Trains the churn model. On the database: features as of an earlier date for four fifths of the customers, the
/// evaluation as of a later date on the other fifth, labels from the demo bank's ground truth; the model is stored
/// as the next version. On the public CSV: the same trainer and evaluation on a stratified 80/20 split.
/// On PostgreSQL (given the factory) the features of a date come from one streamed pass over each table, as in
/// the scoring run, instead of the per-batch queries: the same values (tested), in a minute instead of half an
/// hour at a million customers.
/// </summary>
public sealed class ChurnTraining(CrmDbContext db, TimeProvider time, CrmDbContextFactory? factory = null)
{
    public const string Kind = "churn";

    /// <summary>How far before the data ends the evaluation looks, and how much earlier again the training looks.</summary>
    public const int EvaluationLagDays = 60;
    public const int TrainingGapDays = 60;

    private const int BatchSize = 5_000;

    // A test set without churners has no AUC (NaN), which plain JSON cannot hold.
    private static readonly JsonSerializerOptions MetricsJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public async Task<ChurnTrainingResult> TrainOnDatabaseAsync(DateOnly? evaluateAsOf, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var labels = await db.Set<DemoBankTruth>().AsNoTracking().ToDictionaryAsync(t => t.CustomerId, t => t.FutureChurner, cancellationToken);
        if (labels.Count == 0 || !labels.ContainsValue(true))
        {
            throw new ChurnTrainingException("数据库中没有流失标签（demo_bank_truth 为空或没有流失客户），无法训练流失模型；可用 --csv 在公开数据集上训练评估。");
        }

        var latest = await db.Transactions.MaxAsync(t => (DateTime?)t.OccurredAt, cancellationToken)
            ?? throw new ChurnTrainingException("数据库中没有交易，无法计算流失特征。");
        var evaluationDate = evaluateAsOf ?? DateOnly.FromDateTime(latest.AddHours(8)).AddDays(-EvaluationLagDays);
        var trainingDate = evaluationDate.AddDays(-TrainingGapDays);
        // The model learns only from customers who may be profiled, on every provider.
        var now = time.GetUtcNow().UtcDateTime;
        var profiled = (await db.Customers.MayBeProfiled(db, now).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var ids = labels.Keys.Where(profiled.Contains).Order().ToList();
        var trainIds = ids.Where(id => !IsHeldOut(id)).ToList();
        var testIds = ids.Where(IsHeldOut).ToList();

        var train = await ExamplesAsync(trainIds, trainingDate, labels, progress, cancellationToken);
        var test = await ExamplesAsync(testIds, evaluationDate, labels, progress, cancellationToken);
        var ml = new MLContext(ChurnTrainer.Seed);
        progress?.Report($"training on {train.Examples.Count:N0} customers as of {trainingDate:yyyy-MM-dd}");
        var model = ChurnTrainer.Train(ml, train);
        var evaluation = ChurnEvaluation.Of(model.Probabilities(test.Examples), [.. test.Examples.Select(e => e.Label)]);
        var split = $"train: 4/5 of customers as of {trainingDate:yyyy-MM-dd}; test: the other 1/5 as of {evaluationDate:yyyy-MM-dd} (label: demo_bank_truth.future_churner)";

        var version = (await db.Set<MlModel>().Where(m => m.Kind == Kind).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
        var stored = new MlModel
        {
            Kind = Kind,
            Version = version,
            FeatureSet = ChurnFeatureSet.Name,
            TrainedAt = time.GetUtcNow().UtcDateTime,
            ModelBytes = model.Save(),
        };
        var result = new ChurnTrainingResult("database", split, train.Examples.Count, train.Positives, evaluation, time.GetElapsedTime(started), stored.Label);
        stored.MetricsJson = JsonSerializer.Serialize(new { result.Split, result.TrainCustomers, result.TrainChurners, Evaluation = evaluation, Features = ChurnFeatureSet.Names }, MetricsJson);
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public static ChurnTrainingResult TrainOnCsv(string path, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            throw new ChurnTrainingException($"找不到数据文件 {path}（需要 Churn_Modelling.csv）。");
        }

        var started = time.GetTimestamp();
        var (train, test) = ChurnModellingCsv.Read(path).Split(testShare: 0.2, seed: ChurnTrainer.Seed);
        var model = ChurnTrainer.Train(new MLContext(ChurnTrainer.Seed), train);
        var evaluation = ChurnEvaluation.Of(model.Probabilities(test.Examples), [.. test.Examples.Select(e => e.Label)]);
        return new ChurnTrainingResult(Path.GetFileName(path), $"stratified random 80/20, seed {ChurnTrainer.Seed}", train.Examples.Count, train.Positives, evaluation, time.GetElapsedTime(started), null);
    }

    /// <summary>One customer in five, chosen by a hash of the id (stable across runs and databases), is held out for evaluation.</summary>
    internal static bool IsHeldOut(long customerId)
    {
        var z = (ulong)customerId * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        return (z ^ (z >> 31)) % 5 == 0;
    }

    private async Task<ChurnDataset> ExamplesAsync(List<long> ids, DateOnly asOf, Dictionary<long, bool> labels, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (factory is not null && db.Provider == DatabaseProvider.Postgres)
        {
            return await StreamedExamplesAsync([.. ids], asOf, labels, progress, cancellationToken);
        }

        var query = new ChurnFeatureQuery(db);
        var examples = new List<ChurnExample>(ids.Count);
        for (var i = 0; i < ids.Count; i += BatchSize)
        {
            var batch = ids.GetRange(i, Math.Min(BatchSize, ids.Count - i));
            foreach (var features in await query.ComputeAsync(batch, asOf, cancellationToken))
            {
                examples.Add(new ChurnExample { Features = ChurnFeatureSet.Vector(features), Label = labels[features.CustomerId] });
            }

            progress?.Report($"features as of {asOf:yyyy-MM-dd}: {Math.Min(i + BatchSize, ids.Count):N0}/{ids.Count:N0}");
        }

        return new ChurnDataset(ChurnFeatureSet.Names, examples);
    }

    private async Task<ChurnDataset> StreamedExamplesAsync(HashSet<long> ids, DateOnly asOf, Dictionary<long, bool> labels, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var examples = new List<ChurnExample>(ids.Count);
        var source = new StreamedSignals(factory!, new ScoringPeriods(asOf, new ScoringSettings(), time.GetUtcNow().UtcDateTime), previousDate: null, BatchSize * 4, churn: true);
        await foreach (var batch in source.ReadAsync(0, cancellationToken))
        {
            examples.AddRange(batch.Churn!.Where(f => ids.Contains(f.CustomerId))
                .Select(f => new ChurnExample { Features = ChurnFeatureSet.Vector(f), Label = labels[f.CustomerId] }));
            progress?.Report($"features as of {asOf:yyyy-MM-dd}: {examples.Count:N0}/{ids.Count:N0}");
        }

        return new ChurnDataset(ChurnFeatureSet.Names, examples);
    }
}

/// <summary>Training cannot start (no labels, no data, no file); the message says why, in words for the operator.</summary>
public sealed class ChurnTrainingException(string message) : Exception(message);
