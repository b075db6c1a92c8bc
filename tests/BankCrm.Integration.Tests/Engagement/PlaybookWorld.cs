using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Integration.Tests.Consent;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Engagement;

/// <summary>
/// What the playbook tests share: customers of rm1 created through the API, rows written the way the core-banking feed
/// and the scoring run would (an account, score and need rows), and the two jobs' services called at a chosen instant.
/// Two completed scoring runs, 61 and 1 days ago, are written once per app.
/// </summary>
internal sealed class PlaybookWorld(BankCrmApp app)
{
    /// <summary>
    /// The world's "now", whole microseconds: PostgreSQL stores no finer, so a time written at <c>Now</c> reads back
    /// equal to it instead of up to 0.9 µs earlier.
    /// </summary>
    public DateTime Now { get; } = WholeMicroseconds(TimeProvider.System.GetUtcNow().UtcDateTime);

    public DateOnly Today => DateOnly.FromDateTime(ChinaTime.FromUtc(Now));

    public DateOnly PreviousRun => Today.AddDays(-61);

    public DateOnly LatestRun => Today.AddDays(-1);

    public TriggerEvaluator Evaluator => app.Services.GetRequiredService<TriggerEvaluator>();

    public StepRunner Runner => app.Services.GetRequiredService<StepRunner>();

    public async Task<long> NewCustomerAsync(string name)
    {
        using var rm1 = await app.ClientForAsync("rm1");
        var id = (await rm1.CreateAsync(CustomerApi.Individual(name))).Id;
        await using var db = app.CreateDbContext();
        await ProfilingConsents.GrantAsync(db, [id]);
        return id;
    }

    public async Task<long> OpenAccountAsync(long customerId, ProductCategory category, DateOnly openedOn)
    {
        await using var db = app.CreateDbContext();
        var product = await db.Products.Where(p => p.Category == category).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var account = new Account { CustomerId = customerId, ProductId = product, AccountNumber = $"6288{customerId:D10}{Random.Shared.Next(100):D2}", Balance = 1_000m, OpenedOn = openedOn };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    public Task EnsureRunsAsync() => app.OnceAsync("playbook-runs", async () =>
    {
        await using var db = app.CreateDbContext();
        foreach (var day in new[] { PreviousRun, LatestRun })
        {
            db.ScoringRuns.Add(new ScoringRun { RunDate = day, Status = ScoringRunStatus.Completed, StartedAt = Now, FinishedAt = Now, StartedBy = "test" });
        }

        await db.SaveChangesAsync();
        return new object();
    });

    public async Task ScoreAsync(long customerId, DateOnly runDate, LifecycleStage stage, decimal aum)
    {
        await EnsureRunsAsync();
        await using var db = app.CreateDbContext();
        db.CustomerScores.Add(new CustomerScore
        {
            RunDate = runDate, CustomerId = customerId, LifecycleStage = stage, StageSince = runDate, Aum = aum, ValueTier = ValueTier.MassAffluent,
            CustomerClass = CustomerClass.Attention, RecencyScore = 3, FrequencyScore = 3, MonetaryScore = 3, HealthScore = 50,
        });
        await db.SaveChangesAsync();
    }

    public async Task NeedAsync(long customerId, string code, string evidence)
    {
        await EnsureRunsAsync();
        await using var db = app.CreateDbContext();
        db.CustomerNeeds.Add(new CustomerNeed { RunDate = LatestRun, CustomerId = customerId, NeedCode = code, Evidence = evidence });
        await db.SaveChangesAsync();
    }

    public async Task<Enrolment> EnrolmentAsync(string playbookCode, long customerId)
    {
        await using var db = app.CreateDbContext();
        var playbookId = await db.Playbooks.Where(p => p.Code == playbookCode).Select(p => p.Id).SingleAsync();
        return await db.Enrolments.AsNoTracking().SingleAsync(e => e.PlaybookId == playbookId && e.CustomerId == customerId);
    }

    private static DateTime WholeMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}
