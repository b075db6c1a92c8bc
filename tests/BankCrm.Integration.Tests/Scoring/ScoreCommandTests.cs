using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>The <c>score</c> verb against the database of the test app: what bench/scoring.sh runs at scale.</summary>
public abstract class ScoreCommandTests(BankCrmApp app)
{
    [Fact]
    public async Task Score_scores_every_customer_who_may_be_profiled_for_the_date_and_completes_the_run()
    {
        var date = ScoringFixture.Today.AddDays(-45);
        var options = app.Services.GetRequiredService<DatabaseOptions>();

        var exitCode = await CommandLine.RunAsync(["score", "--date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--force",
            $"--Database:Provider={options.Provider}", $"--ConnectionStrings:Crm={options.ConnectionString}"]);

        Assert.Equal(0, exitCode);
        await using var db = app.CreateDbContext();
        var run = await db.ScoringRuns.SingleAsync(r => r.RunDate == date);
        Assert.Equal(ScoringRunStatus.Completed, run.Status);
        Assert.Equal(await db.Customers.MayBeProfiled(db, TimeProvider.System.GetUtcNow().UtcDateTime).CountAsync(), await db.CustomerScores.CountAsync(s => s.RunDate == date));
    }
}

public sealed class ScoreCommandTestsOnSqlite(SqliteApp app) : ScoreCommandTests(app), IClassFixture<SqliteApp>;

public sealed class ScoreCommandTestsOnPostgres(PostgresApp app) : ScoreCommandTests(app), IClassFixture<PostgresApp>;
