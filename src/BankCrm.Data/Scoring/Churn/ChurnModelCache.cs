using Microsoft.ML;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>Keeps the newest churn model loaded between batches; it is read from the database again only when a newer version appears.</summary>
internal sealed class ChurnModelCache
{
    private readonly MLContext ml = new(ChurnTrainer.Seed);
    private readonly SemaphoreSlim loading = new(1, 1);
    private (long Id, TrainedChurnModel Model)? current;

    public async Task<TrainedChurnModel> GetAsync(long modelId, Func<CancellationToken, Task<byte[]>> readBytes, CancellationToken cancellationToken)
    {
        if (current is { } cached && cached.Id == modelId)
        {
            return cached.Model;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } loaded || loaded.Id != modelId)
            {
                current = (modelId, TrainedChurnModel.Load(ml, await readBytes(cancellationToken), ChurnFeatureSet.Names));
            }

            return current.Value.Model;
        }
        finally
        {
            loading.Release();
        }
    }
}
