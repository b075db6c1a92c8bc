using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// The service-priority list (服务优先级清单): open tasks ordered by <see cref="ServicePriority"/> in the database and
/// paged there; then, for the page only, the customer, the preferred channel and the marketing consents. Every list
/// is limited to customers the actor may see.
/// </summary>
public sealed class TaskListQuery(CrmDbContext db, TimeProvider time)
{
    public async Task<PagedResult<TaskLine>> ListAsync(Actor actor, TaskFilter filter, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var page = PagedResult<TaskLine>.ClampPage(filter.Page);
        var pageSize = PagedResult<TaskLine>.ClampPageSize(filter.PageSize);
        var facts = await FactsAsync(OpenTasks(actor, filter, now), cancellationToken);
        var total = await facts.CountAsync(cancellationToken);
        var ordered = await facts.OrderByDescending(ServicePriority.Score(now)).ThenBy(f => f.DueAt).ThenBy(f => f.TaskId)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<TaskLine>(await LinesAsync(actor, ordered, now, cancellationToken), total, page, pageSize);
    }

    /// <summary>One task in any state: the owner's own, or one of a customer in scope for a team lead; else null.</summary>
    public async Task<TaskLine?> GetAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var visible = db.Customers.VisibleTo(actor);
        var mayLead = actor.Can(Permissions.TasksTeam);
        var tasks = db.WorkTasks.AsNoTracking()
            .Where(t => t.Id == id && visible.Any(c => c.Id == t.CustomerId) && (t.OwnerId == actor.UserId || mayLead));
        var facts = await (await FactsAsync(tasks, cancellationToken)).FirstOrDefaultAsync(cancellationToken);
        return facts is null ? null : (await LinesAsync(actor, [facts], time.GetUtcNow().UtcDateTime, cancellationToken)).Single();
    }

    /// <summary>The customer of a task, whoever may see it: what a refused request is audited against.</summary>
    public Task<long?> CustomerOfAsync(long id, CancellationToken cancellationToken = default) =>
        db.WorkTasks.AsNoTracking().Where(t => t.Id == id).Select(t => (long?)t.CustomerId).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<WorkTask> OpenTasks(Actor actor, TaskFilter filter, DateTime now)
    {
        var visible = db.Customers.VisibleTo(actor);
        var tasks = db.WorkTasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress)
            .Where(t => visible.Any(c => c.Id == t.CustomerId));
        if (filter.OwnerId is { } owner)
        {
            tasks = tasks.Where(t => t.OwnerId == owner);
        }

        if (filter.CustomerId is { } customerId)
        {
            tasks = tasks.Where(t => t.CustomerId == customerId);
        }

        if (filter.BranchId is { } branchId)
        {
            tasks = tasks.Where(t => db.Customers.Any(c => c.Id == t.CustomerId && c.BranchId == branchId));
        }

        return filter.OverdueOnly ? tasks.Where(t => t.DueAt < now) : tasks;
    }

    /// <summary>
    /// Tier and health come from the latest completed scoring run (one primary-key lookup per task), so a run that is
    /// still writing today's scores does not mix dates; a customer not in that run counts as not scored.
    /// </summary>
    private async Task<IQueryable<TaskPriorityFacts>> FactsAsync(IQueryable<WorkTask> tasks, CancellationToken cancellationToken)
    {
        var runDate = await db.ScoringRuns.AsNoTracking().Where(r => r.Status == ScoringRunStatus.Completed)
            .OrderByDescending(r => r.RunDate).Select(r => (DateOnly?)r.RunDate).FirstOrDefaultAsync(cancellationToken);
        return from t in tasks
               join score in db.CustomerScores.Where(s => s.RunDate == runDate) on t.CustomerId equals score.CustomerId into scores
               from s in scores.DefaultIfEmpty()
               select new TaskPriorityFacts
               {
                   TaskId = t.Id,
                   Tier = s == null ? (ValueTier?)null : s.ValueTier,
                   Health = s == null ? (int?)null : s.HealthScore,
                   Urgency = t.Urgency,
                   DueAt = t.DueAt,
               };
    }

    private async Task<IReadOnlyList<TaskLine>> LinesAsync(Actor actor, IReadOnlyList<TaskPriorityFacts> facts, DateTime now, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return [];
        }

        var ids = facts.Select(f => f.TaskId).ToList();
        var rows = await db.WorkTasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new
            {
                Task = t,
                c.CustomerNumber,
                c.Name,
                OwnerName = db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Task.Id, cancellationToken);
        var customerIds = rows.Values.Select(r => r.Task.CustomerId).Distinct().ToList();
        var preferred = (await db.ChannelPreferences.AsNoTracking().Where(p => customerIds.Contains(p.CustomerId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.CustomerId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Score).ThenBy(p => p.Channel).First().Channel);
        var consents = (await db.ConsentRecords.AsNoTracking()
                .Where(r => customerIds.Contains(r.CustomerId) && r.Purpose == ConsentPurpose.Marketing).ToListAsync(cancellationToken))
            .ToLookup(r => r.CustomerId);

        return [.. facts.Where(f => rows.ContainsKey(f.TaskId)).Select(f =>
        {
            var row = rows[f.TaskId];
            var t = row.Task;
            return new TaskLine(
                t.Id, t.Title, t.Reason, t.Source, t.Urgency, t.DueAt, t.Status, t.Outcome, t.OutcomeNote, t.CreatedAt, t.CompletedAt, t.EscalatedAt,
                t.OwnerId, row.OwnerName, t.CustomerId, row.CustomerNumber, actor.NameAsSeen(row.Name), f.Tier, f.Health, ServicePriority.ScoreOf(f, now),
                preferred.TryGetValue(t.CustomerId, out var channel) ? channel : null, ConsentsOf(consents[t.CustomerId], now), t.Version);
        })];
    }

    private static IReadOnlyList<ChannelConsent> ConsentsOf(IEnumerable<ConsentRecord> records, DateTime now)
    {
        var list = records.ToList();
        return [.. Enum.GetValues<ContactChannel>().Select(channel => new ChannelConsent(channel, ConsentPolicy.Current(list, ConsentPurpose.Marketing, channel, now) switch
        {
            null => ConsentState.NeverAsked,
            { Granted: true } => ConsentState.Granted,
            _ => ConsentState.Withdrawn,
        }))];
    }
}
