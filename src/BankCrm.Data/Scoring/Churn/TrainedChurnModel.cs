using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// A trained churn model with what it needs to score: probabilities, and per-feature contributions for the explanation.
/// Scoring goes row by row through a prediction engine: ML.NET's cursors over a whole view split the rows over
/// worker threads that spin while they wait, which on two cores took CPU from the database in the scoring run.
/// </summary>
internal sealed class TrainedChurnModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DataViewSchema inputSchema;
    private readonly Lazy<ITransformer> explainer;

    public TrainedChurnModel(MLContext ml, ITransformer model, DataViewSchema inputSchema, IReadOnlyList<string> featureNames)
    {
        this.ml = ml;
        this.model = model;
        this.inputSchema = inputSchema;
        FeatureNames = featureNames;
        explainer = new Lazy<ITransformer>(Explainer);
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public double[] Probabilities(IReadOnlyList<ChurnExample> examples)
    {
        using var engine = ml.Model.CreatePredictionEngine<ChurnExample, ChurnScored>(model, inputSchemaDefinition: ChurnTrainer.Schema(FeatureNames.Count));
        var result = new double[examples.Count];
        var scored = new ChurnScored();
        for (var i = 0; i < examples.Count; i++)
        {
            engine.Predict(examples[i], ref scored);
            result[i] = scored.Probability;
        }

        return result;
    }

    /// <summary>Probabilities and, per example, each feature's contribution to the score (LightGBM's tree-path attribution).</summary>
    public IReadOnlyList<(double Probability, float[] Contributions)> Explain(IReadOnlyList<ChurnExample> examples)
    {
        using var engine = ml.Model.CreatePredictionEngine<ChurnExample, ChurnExplained>(explainer.Value, inputSchemaDefinition: ChurnTrainer.Schema(FeatureNames.Count));
        var result = new List<(double, float[])>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            // A new output object per row: the contributions array is kept.
            var explained = engine.Predict(examples[i]);
            result.Add((explained.Probability, explained.FeatureContributions));
        }

        return result;
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, inputSchema, stream);
        return stream.ToArray();
    }

    public static TrainedChurnModel Load(MLContext ml, byte[] bytes, IReadOnlyList<string> featureNames)
    {
        using var stream = new MemoryStream(bytes);
        var model = ml.Model.Load(stream, out var schema);
        return new TrainedChurnModel(ml, model, schema, featureNames);
    }

    /// <summary>The model followed by the contribution calculator (fitted on the schema alone: it needs no rows).</summary>
    private ITransformer Explainer()
    {
        var all = FeatureNames.Count;
        var estimator = model switch
        {
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> calibrated =>
                ml.Transforms.CalculateFeatureContribution(calibrated, numberOfPositiveContributions: all, numberOfNegativeContributions: all, normalize: false),
            ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> plain =>
                ml.Transforms.CalculateFeatureContribution(plain, numberOfPositiveContributions: all, numberOfNegativeContributions: all, normalize: false),
            _ => throw new InvalidOperationException($"A churn model of type {model.GetType().Name} cannot explain its scores."),
        };
        var contributions = estimator.Fit(model.Transform(ChurnTrainer.ToDataView(ml, [], all)));
        return model.Append(contributions);
    }
}

/// <summary>The model's output for one customer; public with settable members because ML.NET binds them by reflection.</summary>
public sealed class ChurnScored
{
    public float Probability { get; set; }
}

/// <summary>The output with each feature's contribution, in the order of the features.</summary>
public sealed class ChurnExplained
{
    public float Probability { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
