using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Scoring;
using BankCrm.Data.Scoring.Churn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BankCrm.Data.Tests.Scoring.Churn;

public abstract class ChurnModelOnDemoBankTests(ChurnDemoBank bank, ITestOutputHelper output)
{
    [Fact]
    public async Task TrainOnDatabase_ThenScore_UsesTheNewestStoredVersionAndRanksChurnersFirst()
    {
        var held = await HeldOutCustomersAsync();
        var ids = held.Keys.ToList();

        Assert.Empty(await ScoreAsync(ids));

        var first = await TrainAsync();
        output.WriteLine(ChurnReport.Format(first));
        Assert.Equal("churn-v1", first.StoredVersion);
        Assert.True(first.Evaluation.Auc > 0.8, $"AUC {first.Evaluation.Auc:F3} against the demo bank's truth");
        Assert.True(first.Evaluation.TopDecileLift > 3, $"top-decile lift {first.Evaluation.TopDecileLift:F2}");

        var scores = await ScoreAsync(ids);
        Assert.Equal(ids.Count, scores.Count);
        Assert.All(scores.Values, s =>
        {
            Assert.InRange(s.Probability, 0, 1);
            Assert.Equal("churn-v1", s.ModelVersion);
            Assert.Equal(3, s.Factors.Count);
            Assert.Equal(3, s.Factors.Distinct().Count());
        });
        var churners = held.Where(h => h.Value).Select(h => scores[h.Key].Probability).ToList();
        var stayers = held.Where(h => !h.Value).Select(h => scores[h.Key].Probability).ToList();
        Assert.True(churners.Average() > 3 * stayers.Average(), $"churners {churners.Average():P1}, others {stayers.Average():P1}");
        var likeliest = scores.MaxBy(s => s.Value.Probability);
        output.WriteLine($"customer {likeliest.Key}: {likeliest.Value.Probability:P1} — {string.Join("；", likeliest.Value.Factors)}");

        var second = await TrainAsync();
        Assert.Equal("churn-v2", second.StoredVersion);
        Assert.All((await ScoreAsync(ids.Take(10).ToList())).Values, s => Assert.Equal("churn-v2", s.ModelVersion));
        using var scope = bank.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<MlModel>().OrderBy(m => m.Version).ToListAsync();
        Assert.Equal([1, 2], stored.Select(m => m.Version));
        Assert.All(stored, m => Assert.Contains("\"Auc\"", m.MetricsJson));
        Assert.All(stored, m => Assert.NotEmpty(m.ModelBytes));
    }

    private async Task<Dictionary<long, bool>> HeldOutCustomersAsync()
    {
        using var scope = bank.Services.CreateScope();
        var truth = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<DemoBankTruth>().ToListAsync();
        return truth.Where(t => ChurnTraining.IsHeldOut(t.CustomerId)).ToDictionary(t => t.CustomerId, t => t.FutureChurner);
    }

    private async Task<ChurnTrainingResult> TrainAsync()
    {
        using var scope = bank.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChurnTraining>().TrainOnDatabaseAsync(null, null, CancellationToken.None);
    }

    private async Task<IReadOnlyDictionary<long, ChurnPrediction>> ScoreAsync(IReadOnlyList<long> ids)
    {
        using var scope = bank.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IChurnScorer>().ScoreAsync(ids, bank.Today, CancellationToken.None);
    }
}

public sealed class ChurnModelOnDemoBankTestsOnSqlite(ChurnDemoBankOnSqlite bank, ITestOutputHelper output)
    : ChurnModelOnDemoBankTests(bank, output), IClassFixture<ChurnDemoBankOnSqlite>;

public sealed class ChurnModelOnDemoBankTestsOnPostgres(ChurnDemoBankOnPostgres bank, ITestOutputHelper output)
    : ChurnModelOnDemoBankTests(bank, output), IClassFixture<ChurnDemoBankOnPostgres>;
