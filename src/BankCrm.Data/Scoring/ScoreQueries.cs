using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>Reads of the stored scores, always within the caller's data scope.</summary>
public sealed class ScoreQueries(CrmDbContext db)
{
    private const int HistoryRuns = 24;

    /// <summary>Null when the customer is outside the caller's scope (or does not exist).</summary>
    public async Task<CustomerScoresView?> ForCustomerAsync(Actor actor, long customerId, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var rows = await db.CustomerScores.AsNoTracking().Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.RunDate).Take(HistoryRuns).ToListAsync(cancellationToken);
        var latest = rows.FirstOrDefault();
        var needs = latest is null ? [] : await db.CustomerNeeds.AsNoTracking()
            .Where(n => n.CustomerId == customerId && n.RunDate == latest.RunDate)
            .OrderBy(n => n.NeedCode).Select(n => new NeedLine(n.NeedCode, n.Evidence)).ToListAsync(cancellationToken);
        var history = rows.OrderBy(s => s.RunDate)
            .Select(s => new ScoreHistoryPoint(s.RunDate, s.CustomerClass, s.ValueTier, s.LifecycleStage, s.HealthScore, s.Aum, s.ChurnProbability)).ToList();
        return new CustomerScoresView(latest, history, needs);
    }

    /// <summary>Completed run dates, newest first.</summary>
    public Task<List<DateOnly>> RunDatesAsync(CancellationToken cancellationToken = default) =>
        db.ScoringRuns.AsNoTracking().Where(r => r.Status == ScoringRunStatus.Completed)
            .OrderByDescending(r => r.RunDate).Select(r => r.RunDate).ToListAsync(cancellationToken);

    public async Task<List<ScoringRunLine>> RunsAsync(int take, CancellationToken cancellationToken = default) =>
        [.. (await db.ScoringRuns.AsNoTracking().OrderByDescending(r => r.RunDate).Take(take).ToListAsync(cancellationToken)).Select(ScoringRunLine.From)];

    public async Task<SegmentDistribution> DistributionAsync(Actor actor, DateOnly runDate, CancellationToken cancellationToken = default)
    {
        var scores = Scoped(actor, runDate);
        var classes = await scores.GroupBy(s => s.CustomerClass).Select(g => new CountLine<CustomerClass>(g.Key, g.Count())).ToListAsync(cancellationToken);
        var tiers = await scores.GroupBy(s => s.ValueTier).Select(g => new CountLine<ValueTier>(g.Key, g.Count())).ToListAsync(cancellationToken);
        var stages = await scores.GroupBy(s => s.LifecycleStage).Select(g => new CountLine<LifecycleStage>(g.Key, g.Count())).ToListAsync(cancellationToken);
        return new SegmentDistribution(runDate, classes.Sum(c => c.Count), Complete(classes), Complete(tiers), Complete(stages));
    }

    public async Task<MigrationMatrix> MigrationAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var cells = await Pairs(actor, from, to)
            .GroupBy(p => new { p.From, p.To })
            .Select(g => new MigrationCell(g.Key.From, g.Key.To, g.Count()))
            .ToListAsync(cancellationToken);
        return new MigrationMatrix(from, to, cells);
    }

    /// <summary>The customers behind one cell of the migration matrix, paged, in customer-number order.</summary>
    public async Task<PagedResult<MigratedCustomer>> MigratedAsync(
        Actor actor, DateOnly from, DateOnly to, CustomerClass fromClass, CustomerClass toClass, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = PagedResult<MigratedCustomer>.ClampPage(page);
        pageSize = PagedResult<MigratedCustomer>.ClampPageSize(pageSize);
        var pairs = Pairs(actor, from, to).Where(p => p.From == fromClass && p.To == toClass);
        var total = await pairs.CountAsync(cancellationToken);
        var items = await pairs
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { p, c })
            .OrderBy(x => x.c.CustomerNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new MigratedCustomer(x.c.Id, x.c.CustomerNumber, x.c.Name,
                db.Branches.Where(b => b.Id == x.c.BranchId).Select(b => b.Name).FirstOrDefault() ?? string.Empty, x.p.From, x.p.To, x.p.Aum))
            .ToListAsync(cancellationToken);
        return new PagedResult<MigratedCustomer>([.. items.Select(i => i with { Name = actor.NameAsSeen(i.Name) })], total, page, pageSize);
    }

    private IQueryable<CustomerScore> Scoped(Actor actor, DateOnly runDate) =>
        db.CustomerScores.AsNoTracking().Where(s => s.RunDate == runDate)
            .Where(s => db.Customers.VisibleTo(actor).Any(c => c.Id == s.CustomerId));

    private IQueryable<ClassPair> Pairs(Actor actor, DateOnly from, DateOnly to) =>
        Scoped(actor, to).Join(db.CustomerScores.Where(s => s.RunDate == from), b => b.CustomerId, a => a.CustomerId,
            (b, a) => new ClassPair { CustomerId = b.CustomerId, From = a.CustomerClass, To = b.CustomerClass, Aum = b.Aum });

    private static List<CountLine<T>> Complete<T>(List<CountLine<T>> counts)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => counts.FirstOrDefault(c => c.Key.Equals(v)) ?? new CountLine<T>(v, 0))];

    private sealed class ClassPair
    {
        public long CustomerId { get; init; }

        public CustomerClass From { get; init; }

        public CustomerClass To { get; init; }

        public decimal Aum { get; init; }
    }
}
