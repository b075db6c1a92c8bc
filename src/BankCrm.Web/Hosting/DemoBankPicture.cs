using BankCrm.Data.Scoring;
using BankCrm.Data.Scoring.Churn;

namespace BankCrm.Web.Hosting;

/// <summary>
/// A freshly generated demo bank gets its picture right after start, in the background: the churn model is trained
/// on it and today is scored, so the 360 page, the segments and the RM's list show classes, health, needs and churn
/// reasons within a minute instead of after the first nightly run (<c>Demo:ScoreOnStart</c>, default on; the test
/// hosts switch it off and score when they mean to). The app serves meanwhile; a scoring run started from the admin
/// page at the same time is refused as busy, as any second run is.
/// </summary>
internal static class DemoBankPicture
{
    public static void StartInBackground(IServiceProvider services, ILogger logger, CancellationToken stopping) =>
        _ = Task.Run(() => BuildAsync(services, logger, stopping), CancellationToken.None);

    private static async Task BuildAsync(IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var trained = await scope.ServiceProvider.GetRequiredService<ChurnTraining>().TrainOnDatabaseAsync(null, null, stopping);
                logger.LogInformation("Demo bank: churn model {Version} trained (AUC {Auc:F3})", trained.StoredVersion, trained.Evaluation.Auc);
            }

            var time = services.GetRequiredService<TimeProvider>();
            var outcome = await services.GetRequiredService<ScoringRunner>().RunAsync(Core.Common.ChinaTime.Today(time), force: false, "system", progress: null, stopping);
            logger.LogInformation("Demo bank: today's scoring run {Outcome}", outcome);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Demo bank: scoring stopped with the host; the nightly run or an admin completes it");
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Demo bank: training the churn model or scoring failed; run `model train churn` and `score` by hand");
        }
    }
}
