namespace BankCrm.Data.Scoring.Churn;

/// <summary>Labelled feature vectors, from the database or from the public CSV; the trainer does not care which.</summary>
internal sealed record ChurnDataset(IReadOnlyList<string> FeatureNames, IReadOnlyList<ChurnExample> Examples)
{
    public int Positives => Examples.Count(e => e.Label);

    /// <summary>
    /// A stratified random split with a fixed seed: the same share of churners on both sides, the same split every run.
    /// </summary>
    public (ChurnDataset Train, ChurnDataset Test) Split(double testShare, int seed)
    {
        var random = new Random(seed);
        var train = new List<ChurnExample>();
        var test = new List<ChurnExample>();
        foreach (var group in Examples.GroupBy(e => e.Label))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            var testCount = (int)Math.Round(shuffled.Count * testShare);
            test.AddRange(shuffled.Take(testCount));
            train.AddRange(shuffled.Skip(testCount));
        }

        return (this with { Examples = train }, this with { Examples = test });
    }
}

/// <summary>One labelled example for ML.NET: public with settable members because ML.NET binds them by reflection.</summary>
public sealed class ChurnExample
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
