namespace BankCrm.Data.Scoring;

/// <summary>
/// After a run, tags that read scores are refreshed by the tag engine's
/// <c>BankCrm.Data.Segmentation.Tags.ITagRefresher</c> when it is registered. The tag engine is built on another
/// branch; until the two meet, the interface is found by name so this module compiles without it.
/// </summary>
internal static class TagRefreshHook
{
    private const string InterfaceName = "BankCrm.Data.Segmentation.Tags.ITagRefresher";

    public static async Task RunAsync(IServiceProvider services, DateOnly asOf, CancellationToken cancellationToken)
    {
        var type = typeof(TagRefreshHook).Assembly.GetType(InterfaceName);
        if (type is null || services.GetService(type) is not { } refresher)
        {
            return;
        }

        var method = type.GetMethod("RefreshAllAsync", [typeof(DateOnly), typeof(CancellationToken)]);
        if (method?.Invoke(refresher, [asOf, cancellationToken]) is Task task)
        {
            await task;
        }
    }
}
