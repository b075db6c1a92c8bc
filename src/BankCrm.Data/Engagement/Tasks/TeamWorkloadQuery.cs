using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>A branch manager's view of the team (团队任务): per member open, overdue and done this week, in one grouped query.</summary>
public sealed class TeamWorkloadQuery(CrmDbContext db, TimeProvider time)
{
    /// <summary>Null when the actor belongs to no branch.</summary>
    public async Task<TeamWorkload?> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.BranchId is not { } branchId)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var weekStart = WeekStartUtc(ChinaTime.Today(time));
        var members = await TaskAssignees.MembersAsync(db, branchId, cancellationToken);
        var visible = db.Customers.VisibleTo(actor);
        var counts = await db.WorkTasks.AsNoTracking()
            .Where(t => visible.Any(c => c.Id == t.CustomerId && c.BranchId == branchId))
            .GroupBy(t => t.OwnerId)
            .Select(g => new
            {
                OwnerId = g.Key,
                Open = g.Count(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress),
                Overdue = g.Count(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.DueAt < now),
                Escalated = g.Count(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.EscalatedAt != null),
                Done = g.Count(t => t.Status == WorkTaskStatus.Done && t.CompletedAt >= weekStart),
            })
            .ToDictionaryAsync(c => c.OwnerId, cancellationToken);

        var loads = members.Select(m => counts.TryGetValue(m.UserId, out var c)
            ? new MemberLoad(m.UserId, m.DisplayName, m.UserName, c.Open, c.Overdue, c.Done)
            : new MemberLoad(m.UserId, m.DisplayName, m.UserName, 0, 0, 0)).ToList();
        return new TeamWorkload(branchId, loads, counts.TryGetValue(TaskWriter.Unassigned, out var unassigned) ? unassigned.Open : 0, counts.Values.Sum(c => c.Escalated));
    }

    /// <summary>Monday 00:00 China time of the week holding <paramref name="today"/>, as a UTC instant.</summary>
    public static DateTime WeekStartUtc(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return DateTime.SpecifyKind(monday.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);
    }
}
