using BankCrm.Data.Scoring.Churn;
using Xunit.Abstractions;

namespace BankCrm.Data.Tests.Scoring.Churn;

public sealed class ChurnModellingCsvTests(ITestOutputHelper output)
{
    [Fact]
    public void TrainOnCsv_WhenPublicDataSet_HeldOutAucIsAtLeast085()
    {
        var result = ChurnTraining.TrainOnCsv(PublicChurnData.Path(), TimeProvider.System);

        output.WriteLine(ChurnReport.Format(result));
        Assert.Equal(2_000, result.Evaluation.Customers);
        Assert.InRange(result.Evaluation.Churners, 400, 415);
        Assert.True(result.Evaluation.Auc >= 0.85, $"AUC {result.Evaluation.Auc:F4} is below 0.85");
        Assert.True(result.Evaluation.TopDecileLift > 3, $"top-decile lift {result.Evaluation.TopDecileLift:F2}");
    }
}
