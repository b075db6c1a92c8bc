using BankCrm.Data.Database;
using BankCrm.Data.Scoring;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Scoring;

/// <summary>The <c>model train churn</c> verb against the database of the test app (a small demo bank with its ground truth).</summary>
public abstract class ModelCommandTests(BankCrmApp app)
{
    [Fact]
    public async Task Model_train_churn_stores_the_next_version_and_writes_the_evaluation_report()
    {
        var report = Path.Combine(Path.GetTempPath(), $"bankcrm-churn-{Guid.NewGuid():N}.txt");
        try
        {
            var before = await VersionsAsync();

            var exitCode = await RunAsync("model", "train", "churn", "--report", report);

            Assert.Equal(0, exitCode);
            var versions = await VersionsAsync();
            Assert.Equal(before.Count + 1, versions.Count);
            Assert.Equal(before.DefaultIfEmpty(0).Max() + 1, versions.Max());
            var text = await File.ReadAllTextAsync(report);
            Assert.Contains($"stored as churn-v{versions.Max()}", text);
            Assert.Contains("AUC:", text);
            Assert.Contains("Top decile: precision", text);
            Assert.Contains("Calibration by decile", text);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Model_train_churn_with_a_missing_csv_file_fails_and_stores_nothing()
    {
        var before = await VersionsAsync();

        var exitCode = await RunAsync("model", "train", "churn", "--csv", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv"));

        Assert.Equal(2, exitCode);
        Assert.Equal(before, await VersionsAsync());
    }

    private Task<int> RunAsync(params string[] args)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        return CommandLine.RunAsync([.. args, $"--Database:Provider={options.Provider}", $"--ConnectionStrings:Crm={options.ConnectionString}"]);
    }

    private async Task<List<int>> VersionsAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Set<MlModel>().Where(m => m.Kind == "churn").OrderBy(m => m.Version).Select(m => m.Version).ToListAsync();
    }
}

public sealed class ModelCommandTestsOnSqlite(SqliteApp app) : ModelCommandTests(app), IClassFixture<SqliteApp>;

public sealed class ModelCommandTestsOnPostgres(PostgresApp app) : ModelCommandTests(app), IClassFixture<PostgresApp>;
