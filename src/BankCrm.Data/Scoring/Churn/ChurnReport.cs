using System.Globalization;
using System.Text;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>The evaluation report of a training run, as plain text for the console and a file.</summary>
public static class ChurnReport
{
    public static string Format(ChurnTrainingResult result)
    {
        var e = result.Evaluation;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Churn model — {result.Source}{(result.StoredVersion is { } v ? $", stored as {v}" : ", not stored")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Split: {result.Split}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Train: {result.TrainCustomers:N0} customers, {result.TrainChurners:N0} churners; trained and evaluated in {result.Elapsed.TotalSeconds:N1} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"Test: {e.Customers:N0} customers, {e.Churners:N0} churners (base rate {e.BaseRate:P1})");
        text.AppendLine(CultureInfo.InvariantCulture, $"AUC: {e.Auc:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Top decile: precision {e.TopDecilePrecision:P1}, recall {e.TopDecileRecall:P1}, lift {e.TopDecileLift:F2}");
        text.AppendLine("Calibration by decile of predicted probability (1 = highest):");
        text.AppendLine("decile  customers  mean predicted  observed churn rate");
        foreach (var bin in e.Calibration)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{bin.Decile,6}  {bin.Customers,9:N0}  {bin.MeanPredicted,14:P1}  {bin.ObservedRate,19:P1}");
        }

        return text.ToString();
    }
}
