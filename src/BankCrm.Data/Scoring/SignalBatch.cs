using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Data.Scoring;

/// <summary>Consecutive customers in id order, up to and including <paramref name="LastCustomerId"/>, with what each carried on the previous run.</summary>
internal sealed record SignalBatch(long LastCustomerId, IReadOnlyList<CustomerSignals> Signals, IReadOnlyDictionary<long, PreviousScore> Previous);

/// <summary>Where the run reads its signals: every customer after a given id, in id order, a batch at a time.</summary>
internal interface ISignalSource
{
    IAsyncEnumerable<SignalBatch> ReadAsync(long after, CancellationToken cancellationToken);
}
