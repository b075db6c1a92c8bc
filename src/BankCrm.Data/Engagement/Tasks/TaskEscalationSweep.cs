using BankCrm.Core.Audit;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// Escalates every open task overdue by more than the rule's time to the branch manager of the customer's branch
/// (<see cref="OverdueEscalation"/>): one UPDATE per branch and batch, each batch committed with one audit entry per
/// task. The batch is read under the audit lock (an advisory lock on PostgreSQL), so two nodes sweeping at once
/// escalate each task once; a sweep cut off half-way leaves whole batches done, and the next one does the rest.
/// Branches without a branch manager are skipped until they have one.
/// </summary>
public sealed class TaskEscalationSweep(CrmDbContextFactory factory, AuditTrail audit, TimeProvider time)
{
    public const int BatchSize = 500;
    public const string ActorId = "system";
    public const string ActorName = "job:task-escalation";

    /// <summary>Returns how many tasks were escalated.</summary>
    public async Task<int> RunAsync(OverdueEscalation rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = time.GetUtcNow().UtcDateTime;
        var dueBefore = rule.DueBefore(now);
        var escalated = 0;
        Dictionary<int, string> managers;
        await using (var db = factory.CreateDbContext())
        {
            managers = await BranchManagersAsync(db, cancellationToken);
        }

        var branches = managers.Keys.ToList();
        while (true)
        {
            await using var db = factory.CreateDbContext();
            await using var append = await audit.BeginAsync(db, cancellationToken);
            var batch = await db.WorkTasks
                .Where(t => (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress) && t.EscalatedAt == null && t.DueAt < dueBefore)
                .Join(db.Customers.Where(c => branches.Contains(c.BranchId)), t => t.CustomerId, c => c.Id, (t, c) => new { t.Id, t.CustomerId, t.OwnerId, t.DueAt, c.BranchId })
                .OrderBy(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return escalated;
            }

            foreach (var branch in batch.GroupBy(t => t.BranchId))
            {
                var ids = branch.Select(t => t.Id).ToList();
                var manager = managers[branch.Key];
                await db.WorkTasks.Where(t => ids.Contains(t.Id) && t.EscalatedAt == null).ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.EscalatedAt, now).SetProperty(t => t.EscalatedTo, manager).SetProperty(t => t.Version, t => t.Version + 1),
                    cancellationToken);
            }

            await append.AppendAllAsync(
                [.. batch.Select(t => new AuditRecord(AuditActions.TaskEscalated, ActorId, ActorName)
                {
                    CustomerId = t.CustomerId,
                    Fields = "task",
                    Detail = AuditDetail.Of(new { taskId = t.Id, owner = t.OwnerId, escalatedTo = managers[t.BranchId], dueAt = t.DueAt }),
                })],
                cancellationToken);
            await append.CommitAsync(cancellationToken);
            escalated += batch.Count;
        }
    }

    /// <summary>Per branch its manager: the first by user name when a branch has several, as <see cref="TaskWriter"/> picks.</summary>
    private static async Task<Dictionary<int, string>> BranchManagersAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var managerRole = db.Roles.Where(r => r.Name == StaffRole.BranchManager).Select(r => r.Id);
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.BranchId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && managerRole.Contains(ur.RoleId)))
            .Select(u => new { BranchId = u.BranchId!.Value, u.Id, u.UserName })
            .ToListAsync(cancellationToken);
        return managers.GroupBy(m => m.BranchId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.UserName, StringComparer.Ordinal).First().Id);
    }
}
