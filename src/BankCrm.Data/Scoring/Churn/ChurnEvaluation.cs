namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// How well churn probabilities rank and estimate held-out customers: AUC, precision, recall and lift among the top
/// tenth by probability (where a retention team can act), and a calibration table by decile of probability.
/// </summary>
public sealed record ChurnEvaluation(
    int Customers,
    int Churners,
    double Auc,
    double TopDecilePrecision,
    double TopDecileRecall,
    double TopDecileLift,
    IReadOnlyList<CalibrationBin> Calibration)
{
    public double BaseRate => Customers == 0 ? 0 : (double)Churners / Customers;

    public static ChurnEvaluation Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        if (probabilities.Count != labels.Count || probabilities.Count == 0)
        {
            throw new ArgumentException("Evaluation needs one label per probability and at least one of each.", nameof(labels));
        }

        var ranked = probabilities.Select((p, i) => (Probability: p, Label: labels[i])).OrderByDescending(r => r.Probability).ToList();
        var churners = ranked.Count(r => r.Label);
        var top = ranked.Take((int)Math.Ceiling(ranked.Count / 10.0)).ToList();
        var topChurners = top.Count(r => r.Label);
        var precision = (double)topChurners / top.Count;
        var baseRate = (double)churners / ranked.Count;
        var calibration = new List<CalibrationBin>(10);
        for (var decile = 0; decile < 10; decile++)
        {
            var bin = ranked.Skip(ranked.Count * decile / 10).Take(ranked.Count * (decile + 1) / 10 - ranked.Count * decile / 10).ToList();
            if (bin.Count > 0)
            {
                calibration.Add(new CalibrationBin(decile + 1, bin.Count, bin.Average(r => r.Probability), bin.Count(r => r.Label) / (double)bin.Count));
            }
        }

        return new ChurnEvaluation(
            ranked.Count,
            churners,
            AreaUnderCurve(ranked),
            precision,
            churners == 0 ? 0 : (double)topChurners / churners,
            baseRate == 0 ? 0 : precision / baseRate,
            calibration);
    }

    /// <summary>The probability that a random churner ranks above a random non-churner (Mann–Whitney U), ties counting half.</summary>
    private static double AreaUnderCurve(IReadOnlyList<(double Probability, bool Label)> rankedDescending)
    {
        var positives = rankedDescending.Count(r => r.Label);
        var negatives = rankedDescending.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double pairs = 0;
        var negativesBelow = negatives;
        foreach (var tie in rankedDescending.GroupBy(r => r.Probability))
        {
            var tiePositives = tie.Count(r => r.Label);
            var tieNegatives = tie.Count() - tiePositives;
            negativesBelow -= tieNegatives;
            pairs += tiePositives * (negativesBelow + tieNegatives / 2.0);
        }

        return pairs / ((double)positives * negatives);
    }
}

/// <summary>One tenth of the customers by predicted probability (1 = highest): mean predicted probability against the churn rate observed.</summary>
public sealed record CalibrationBin(int Decile, int Customers, double MeanPredicted, double ObservedRate);
