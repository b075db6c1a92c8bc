using BankCrm.Core.Engagement;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring;
using BankCrm.Data.Scoring.Churn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Data.Tests.Scoring.Churn;

/// <summary>
/// On PostgreSQL the scoring run gathers the churn model's inputs in its one pass over each table instead of
/// querying them per batch (<see cref="ChurnFeatureQuery"/>, which training and SQLite use): both must give every
/// customer the same inputs, also for a date with a month of data after it, and the stored probabilities must be
/// the ones the per-batch path gives.
/// </summary>
public sealed class StreamedChurnTests(ChurnDemoBankOnPostgres bank) : IClassFixture<ChurnDemoBankOnPostgres>
{
    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public async Task The_run_s_streams_give_every_customer_the_churn_inputs_the_per_batch_query_gives(int daysAgo)
    {
        var asOf = bank.Today.AddDays(-daysAgo);
        var factory = bank.Services.GetRequiredService<CrmDbContextFactory>();
        // The generated notes mention other banks but never a complaint: one is logged for a customer.
        await using (var db = factory.CreateDbContext())
        {
            db.Interactions.Add(new Interaction
            {
                CustomerId = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).Skip(7).FirstAsync(),
                Channel = InteractionChannel.Call, OccurredAt = bank.Time.GetUtcNow().UtcDateTime.AddDays(-40),
                Summary = "客户投诉转账到账慢", Outcome = "已解释并致歉", NextStep = "一周后回访",
            });
            await db.SaveChangesAsync();
        }

        var streamed = new List<ChurnFeatures>();
        await foreach (var batch in new StreamedSignals(factory, new ScoringPeriods(asOf, new ScoringSettings(), bank.Time.GetUtcNow().UtcDateTime), null, batchSize: 700, churn: true).ReadAsync(0, CancellationToken.None))
        {
            streamed.AddRange(batch.Churn!);
        }

        List<ChurnFeatures> queried;
        await using (var db = factory.CreateDbContext())
        {
            var ids = await db.Customers.MayBeProfiled(db, bank.Time.GetUtcNow().UtcDateTime).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            queried = [.. await new ChurnFeatureQuery(db).ComputeAsync(ids, asOf, CancellationToken.None)];
        }

        Assert.True(queried.Count > 1_500, $"{queried.Count} customers who may be profiled");
        Assert.Equal(queried.Select(f => f.CustomerId), streamed.Select(f => f.CustomerId));
        Assert.Contains(queried, f => f.Complaints180 > 0);
        Assert.Contains(queried, f => f.OtherBankMentions180 > 0);
        Assert.Contains(queried, f => f.Logins30 > 0 && f.Salaries60 > 0 && f.Redemptions90 > 0 && f.TransfersOut90 > 0);
        Assert.Contains(queried, f => f.Aum != f.Aum90DaysAgo);
        for (var i = 0; i < queried.Count; i++)
        {
            var (expected, actual) = (ChurnFeatureSet.Vector(queried[i]), ChurnFeatureSet.Vector(streamed[i]));
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.True(
                    Math.Abs(expected[j] - actual[j]) <= 1e-3 + 1e-6 * Math.Abs(expected[j]),
                    $"customer {queried[i].CustomerId}, {ChurnFeatureSet.Names[j]}: query {expected[j]}, stream {actual[j]}");
            }
        }
    }

    [Fact]
    public async Task A_run_with_a_trained_model_stores_the_probabilities_of_the_per_batch_path_and_reasons_for_those_at_risk()
    {
        using (var scope = bank.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChurnTraining>().TrainOnDatabaseAsync(null, null, CancellationToken.None);
        }

        var factory = bank.Services.GetRequiredService<CrmDbContextFactory>();
        var settings = new ScoringSettings { BatchSize = 800 };
        var runner = new ScoringRunner(factory, settings, bank.Time, bank.Services);
        Assert.Equal(ScoringOutcome.Completed, await runner.RunAsync(bank.Today, force: true, "test", progress: null, CancellationToken.None));

        await using var db = factory.CreateDbContext();
        var stored = await db.CustomerScores.AsNoTracking().Where(s => s.RunDate == bank.Today)
            .Select(s => new { s.CustomerId, s.ChurnProbability, s.ChurnFactors, s.ChurnModelVersion }).ToListAsync();
        IReadOnlyDictionary<long, ChurnPrediction> expected;
        using (var scope = bank.Services.CreateScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<IChurnScorer>().ScoreAsync([.. stored.Select(s => s.CustomerId)], bank.Today, CancellationToken.None);
        }

        Assert.Equal(await db.Customers.MayBeProfiled(db, bank.Time.GetUtcNow().UtcDateTime).CountAsync(), stored.Count);
        Assert.All(stored, s =>
        {
            var prediction = expected[s.CustomerId];
            Assert.Equal(prediction.Probability, s.ChurnProbability!.Value, 4);
            Assert.Equal(prediction.ModelVersion, s.ChurnModelVersion);
            Assert.Equal(s.ChurnProbability >= settings.ChurnFactorsFrom ? 3 : 0, (s.ChurnFactors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        });
        Assert.Contains(stored, s => s.ChurnProbability >= 0.5);
    }
}
