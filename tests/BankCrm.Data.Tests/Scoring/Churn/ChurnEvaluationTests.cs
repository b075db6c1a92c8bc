using BankCrm.Data.Scoring.Churn;

namespace BankCrm.Data.Tests.Scoring.Churn;

public sealed class ChurnEvaluationTests
{
    [Fact]
    public void Of_WhenEveryChurnerRanksFirst_AucIsOneAndTopDecileHoldsThem()
    {
        var probabilities = Enumerable.Range(0, 100).Select(i => 1 - i / 100.0).ToList();
        var labels = Enumerable.Range(0, 100).Select(i => i < 10).ToList();

        var evaluation = ChurnEvaluation.Of(probabilities, labels);

        Assert.Equal(1.0, evaluation.Auc);
        Assert.Equal(1.0, evaluation.TopDecilePrecision);
        Assert.Equal(1.0, evaluation.TopDecileRecall);
        Assert.Equal(10.0, evaluation.TopDecileLift, 6);
        Assert.Equal(10, evaluation.Calibration.Count);
        Assert.Equal(1.0, evaluation.Calibration[0].ObservedRate);
        Assert.Equal(0.0, evaluation.Calibration[9].ObservedRate);
    }

    [Fact]
    public void Of_WhenAllProbabilitiesTie_AucIsOneHalf()
    {
        var evaluation = ChurnEvaluation.Of([0.3, 0.3, 0.3, 0.3], [true, false, false, true]);

        Assert.Equal(0.5, evaluation.Auc);
    }

    [Fact]
    public void Of_WhenOneChurnerRanksBelowOneStayer_AucCountsTheWrongPair()
    {
        // Pairs (churner, stayer): (0.9, 0.8) right, (0.9, 0.1) right, (0.5, 0.8) wrong, (0.5, 0.1) right → 3/4.
        var evaluation = ChurnEvaluation.Of([0.9, 0.8, 0.5, 0.1], [true, false, true, false]);

        Assert.Equal(0.75, evaluation.Auc);
        Assert.Equal(0.5, evaluation.BaseRate);
    }
}
