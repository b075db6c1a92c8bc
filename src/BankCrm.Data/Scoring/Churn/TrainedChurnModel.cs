using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>A trained churn model with what it needs to score: probabilities, and per-feature contributions for the explanation.</summary>
internal sealed class TrainedChurnModel(
    MLContext ml,
    ITransformer model,
    DataViewSchema inputSchema,
    IReadOnlyList<string> featureNames)
{
    public IReadOnlyList<string> FeatureNames => featureNames;

    public double[] Probabilities(IReadOnlyList<ChurnExample> examples)
    {
        var scored = model.Transform(ChurnTrainer.ToDataView(ml, examples, featureNames.Count));
        return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    /// <summary>Probabilities and, per example, each feature's contribution to the score (LightGBM's tree-path attribution).</summary>
    public IReadOnlyList<(double Probability, float[] Contributions)> Explain(IReadOnlyList<ChurnExample> examples)
    {
        var data = ChurnTrainer.ToDataView(ml, examples, featureNames.Count);
        var all = featureNames.Count;
        var estimator = model switch
        {
            ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> calibrated =>
                ml.Transforms.CalculateFeatureContribution(calibrated, numberOfPositiveContributions: all, numberOfNegativeContributions: all, normalize: false),
            ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> plain =>
                ml.Transforms.CalculateFeatureContribution(plain, numberOfPositiveContributions: all, numberOfNegativeContributions: all, normalize: false),
            _ => throw new InvalidOperationException($"A churn model of type {model.GetType().Name} cannot explain its scores."),
        };
        var contributions = estimator.Fit(model.Transform(data));
        var scored = contributions.Transform(model.Transform(data));
        // One pass over both columns: reading them one after the other would score every row twice.
        var probability = scored.Schema["Probability"];
        var featureContributions = scored.Schema["FeatureContributions"];
        using var cursor = scored.GetRowCursor([probability, featureContributions]);
        var readProbability = cursor.GetGetter<float>(probability);
        var readContributions = cursor.GetGetter<VBuffer<float>>(featureContributions);
        var result = new List<(double, float[])>(examples.Count);
        float p = 0;
        VBuffer<float> vector = default;
        while (cursor.MoveNext())
        {
            readProbability(ref p);
            readContributions(ref vector);
            result.Add((p, vector.DenseValues().ToArray()));
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
}
