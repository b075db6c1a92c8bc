using BankCrm.Core.Common;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;
using BankCrm.Data.Scoring;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>
/// The first start on an empty database generates the demo bank and then, in the background, trains the churn model
/// on it and scores today: a new user sees classes, health and churn without running anything.
/// </summary>
public abstract class DemoBankPictureTests(BankCrmApp app)
{
    [Fact]
    public async Task A_freshly_generated_demo_bank_is_scored_with_a_trained_churn_model_shortly_after_start()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        ScoringRun? run = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = app.CreateDbContext();
            run = await db.ScoringRuns.AsNoTracking().SingleOrDefaultAsync(r => r.RunDate == today && r.Status == ScoringRunStatus.Completed);
            if (run is not null)
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.NotNull(run);
        Assert.Equal("system", run.StartedBy);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Set<MlModel>().CountAsync(m => m.Kind == "churn"));
        var customers = await check.Customers.MayBeProfiled(check, TimeProvider.System.GetUtcNow().UtcDateTime).CountAsync();
        Assert.InRange(customers, BankCrmApp.DemoCustomers / 2, BankCrmApp.DemoCustomers - 1);
        Assert.Equal(customers, await check.CustomerScores.CountAsync(s => s.RunDate == today));
        Assert.Equal(customers, await check.CustomerScores.CountAsync(s => s.RunDate == today && s.ChurnProbability != null && s.ChurnModelVersion == "churn-v1"));
    }
}

public sealed class PictureSqliteApp : SqliteApp
{
    protected override bool ScoreDemoBankOnStart => true;
}

public sealed class PicturePostgresApp : PostgresApp
{
    protected override bool ScoreDemoBankOnStart => true;
}

public sealed class DemoBankPictureTestsOnSqlite(PictureSqliteApp app) : DemoBankPictureTests(app), IClassFixture<PictureSqliteApp>;

public sealed class DemoBankPictureTestsOnPostgres(PicturePostgresApp app) : DemoBankPictureTests(app), IClassFixture<PicturePostgresApp>;
