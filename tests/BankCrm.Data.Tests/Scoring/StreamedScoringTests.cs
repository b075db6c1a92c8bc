using System.Globalization;
using BankCrm.Core.Consent;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using BankCrm.Data.DemoBank;
using BankCrm.Data.Scoring;
using BankCrm.Data.Tests.DemoBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BankCrm.Data.Tests.Scoring;

/// <summary>
/// The streamed run on PostgreSQL (one pass per table, merged in id order) against the per-batch range queries
/// it replaced there, which SQLite still runs: on a generated bank of 2,000 customers, scored a month earlier
/// too, both must give every customer the same scores, stage start and needs; and both score exactly the customers
/// the in-memory consent rule lets be profiled (the SQL of <see cref="Consent.ProfilingScope"/> agrees with it).
/// </summary>
public sealed class StreamedScoringTests(ScoringDemoBankOnPostgres bank) : IClassFixture<ScoringDemoBankOnPostgres>
{
    private static readonly ScoringSettings Settings = new();

    [Fact]
    public async Task ReadAsync_WhenStreamedInsteadOfReadPerBatch_GivesEveryCustomerTheSameScoresAndNeeds()
    {
        var periods = new ScoringPeriods(bank.Today, Settings, bank.Time.GetUtcNow().UtcDateTime);

        var batched = await ScoreAsync(new BatchedSignals(bank.Factory, periods, bank.Earlier, batchSize: 300), periods);
        var streamed = await ScoreAsync(new StreamedSignals(bank.Factory, periods, bank.Earlier, batchSize: 700), periods);

        Assert.Equal(bank.Profiled, batched.Where(line => line.StartsWith("score", StringComparison.Ordinal)).Select(line => long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture)));
        Assert.Contains(batched, line => line.StartsWith("need", StringComparison.Ordinal));
        Assert.Equal(batched, streamed);
    }

    [Fact]
    public async Task RunAsync_OnPostgres_StoresForEveryCustomerWhatTheBatchedComputationGives()
    {
        var periods = new ScoringPeriods(bank.Today, Settings, bank.Time.GetUtcNow().UtcDateTime);
        var runner = new ScoringRunner(bank.Factory, Settings with { BatchSize = 250 }, bank.Time, new ServiceCollection().BuildServiceProvider());

        var outcome = await runner.RunAsync(bank.Today, force: true, "test", progress: null, CancellationToken.None);

        Assert.Equal(ScoringOutcome.Completed, outcome);
        var expected = await ScoreAsync(new BatchedSignals(bank.Factory, periods, bank.Earlier, batchSize: 500), periods);
        await using var db = bank.Factory.CreateDbContext();
        var scores = await db.CustomerScores.AsNoTracking().Where(s => s.RunDate == bank.Today).ToListAsync();
        var needs = await db.CustomerNeeds.AsNoTracking().Where(n => n.RunDate == bank.Today).ToListAsync();
        Assert.Equal(expected, Lines(scores, needs));
    }

    private async Task<List<string>> ScoreAsync(ISignalSource source, ScoringPeriods periods)
    {
        RfmThresholds thresholds;
        await using (var db = bank.Factory.CreateDbContext())
        {
            thresholds = await QuintileSample.ThresholdsAsync(db, periods, Settings.QuintileSampleSize, CancellationToken.None);
        }

        var scores = new List<CustomerScore>();
        var needs = new List<CustomerNeed>();
        await foreach (var batch in source.ReadAsync(0, CancellationToken.None))
        {
            foreach (var s in batch.Signals)
            {
                var (score, detected) = ScoreCalculator.Calculate(s, periods.RunDate, thresholds, Settings, batch.Previous.GetValueOrDefault(s.CustomerId), churn: null);
                scores.Add(score);
                needs.AddRange(detected.Select(n => new CustomerNeed { RunDate = periods.RunDate, CustomerId = s.CustomerId, NeedCode = n.Code, Evidence = n.Evidence }));
            }
        }

        return Lines(scores, needs);
    }

    private static List<string> Lines(IEnumerable<CustomerScore> scores, IEnumerable<CustomerNeed> needs) =>
    [
        .. scores.OrderBy(s => s.CustomerId).Select(s =>
            $"score {s.CustomerId} {s.RecencyDays} {s.Frequency} {s.Monetary:0.00} {s.RecencyScore}{s.FrequencyScore}{s.MonetaryScore} {s.Aum:0.00} {s.LifecycleStage} {s.StageSince} " +
            $"{s.ValueTier} {s.CustomerClass} {s.ProductPenetration} {s.HealthValue}/{s.HealthBehaviour}/{s.HealthSatisfaction}/{s.HealthScore}"),
        .. needs.OrderBy(n => n.CustomerId).ThenBy(n => n.NeedCode, StringComparer.Ordinal).Select(n => $"need {n.CustomerId} {n.NeedCode} {n.Evidence}"),
    ];
}

/// <summary>A generated demo bank of 2,000 customers in a PostgreSQL database of its own, already scored a month before today.</summary>
public sealed class ScoringDemoBankOnPostgres : IAsyncLifetime
{
    private readonly string connectionString = TestPostgres.NewDatabase("bankcrm_t_scoring");

    public FakeTimeProvider Time { get; } = new(GeneratedBank.Now);

    public DateOnly Today => Core.Common.ChinaTime.Today(Time);

    public DateOnly Earlier => Today.AddMonths(-1);

    public int Customers { get; private set; }

    /// <summary>The customers the in-memory consent rule (<see cref="ConsentPolicy.MayProfile"/>) lets be profiled now, in id order.</summary>
    public IReadOnlyList<long> Profiled { get; private set; } = [];

    internal CrmDbContextFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new CrmDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Postgres, Protector = TestKeys.Protector, ConnectionString = connectionString });
        await using (var db = Factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await DemoBankSeeder.SeedAsync(Factory, new DemoBankOptions { Customers = 2_000, Seed = 5 }, Time, null, CancellationToken.None);
        var runner = new ScoringRunner(Factory, new ScoringSettings(), Time, new ServiceCollection().BuildServiceProvider());
        await runner.RunAsync(Earlier, force: true, "test", progress: null, CancellationToken.None);
        await using (var db = Factory.CreateDbContext())
        {
            Customers = await db.Customers.CountAsync();
            var consents = (await db.ConsentRecords.AsNoTracking().ToListAsync()).ToLookup(r => r.CustomerId);
            var now = Time.GetUtcNow().UtcDateTime;
            Profiled = [.. (await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync()).Where(id => ConsentPolicy.MayProfile(consents[id], now))];
        }
    }

    public Task DisposeAsync() => TestPostgres.DropAsync(connectionString);
}
