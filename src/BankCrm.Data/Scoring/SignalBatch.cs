using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Scoring.Churn;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Consecutive customers in id order, up to and including <paramref name="LastCustomerId"/>, with what each carried
/// on the previous run and, when the source was asked for them, the churn model's inputs (customers who joined
/// after the run date have none).
/// </summary>
internal sealed record SignalBatch(
    long LastCustomerId, IReadOnlyList<CustomerSignals> Signals, IReadOnlyDictionary<long, PreviousScore> Previous, IReadOnlyList<ChurnFeatures>? Churn = null);

/// <summary>Where the run reads its signals: every customer after a given id, in id order, a batch at a time.</summary>
internal interface ISignalSource
{
    IAsyncEnumerable<SignalBatch> ReadAsync(long after, CancellationToken cancellationToken);
}
