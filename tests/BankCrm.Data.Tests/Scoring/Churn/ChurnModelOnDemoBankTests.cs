using BankCrm.Core.Holdings;
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
            // The reasons are worked out for customers at risk only (ScoringSettings.ChurnFactorsFrom, 10%).
            Assert.Equal(s.Probability >= 0.10 ? 3 : 0, s.Factors.Count);
            Assert.Equal(s.Factors.Count, s.Factors.Distinct().Count());
        });
        Assert.Contains(scores.Values, s => s.Factors.Count == 3);
        Assert.Contains(scores.Values, s => s.Factors.Count == 0);
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

    [Fact]
    public async Task Features_as_of_a_date_ignore_what_happened_after_it()
    {
        using var scope = bank.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var account = await db.Accounts.Where(a => a.ProductId == 1 && a.Status == AccountStatus.Active && a.Balance > 100_000).OrderBy(a => a.Id).FirstAsync();
        var query = new ChurnFeatureQuery(db);
        var monthAgo = bank.Today.AddDays(-30);
        var thenBefore = (await query.ComputeAsync([account.CustomerId], monthAgo, CancellationToken.None)).Single();
        var todayBefore = (await query.ComputeAsync([account.CustomerId], bank.Today, CancellationToken.None)).Single();

        // Core banking posts a transfer out two days ago and lowers the balance with it.
        db.Transactions.Add(new Transaction
        {
            CustomerId = account.CustomerId, AccountId = account.Id, Amount = -50_000m, Kind = TransactionKind.TransferOut,
            Channel = TransactionChannel.MobileApp, OccurredAt = bank.Time.GetUtcNow().UtcDateTime.AddDays(-2),
        });
        account.Balance -= 50_000m;
        await db.SaveChangesAsync();
        var thenAfter = (await query.ComputeAsync([account.CustomerId], monthAgo, CancellationToken.None)).Single();
        var todayAfter = (await query.ComputeAsync([account.CustomerId], bank.Today, CancellationToken.None)).Single();

        Assert.Equal(thenBefore with { Aum = 0, Aum60DaysAgo = 0, Aum90DaysAgo = 0 }, thenAfter with { Aum = 0, Aum60DaysAgo = 0, Aum90DaysAgo = 0 });
        Assert.Equal(thenBefore.Aum, thenAfter.Aum, 0.01);
        Assert.Equal(thenBefore.Aum90DaysAgo, thenAfter.Aum90DaysAgo, 0.01);
        Assert.Equal(todayBefore.Transactions30 + 1, todayAfter.Transactions30);
        Assert.Equal(todayBefore.TransfersOut90 + 50_000, todayAfter.TransfersOut90, 0.01);
        Assert.Equal(todayBefore.Aum - 50_000, todayAfter.Aum, 0.01);
        Assert.Equal(todayBefore.Aum90DaysAgo, todayAfter.Aum90DaysAgo, 0.01);
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
