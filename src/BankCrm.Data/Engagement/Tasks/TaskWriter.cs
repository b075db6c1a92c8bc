using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Tasks;

/// <summary>
/// A task to create for one customer. <see cref="SourceKey"/> ("enrolment:42:step:3") makes creation idempotent;
/// <see cref="OwnerId"/> null gives the task to the customer's relationship manager, or else to the branch manager.
/// </summary>
public sealed record NewTask(
    long CustomerId,
    string Title,
    string Reason,
    TaskSource Source,
    string? SourceKey,
    TaskUrgency Urgency,
    DateTime DueAt,
    string CreatedBy,
    string? OwnerId = null,
    string? PrescreenAnswers = null);

/// <summary>The one way tasks are created by playbooks, campaigns, events and staff.</summary>
public static class TaskWriter
{
    /// <summary>An owner of "" is the branch's unassigned queue: a customer with no RM in a branch with no manager.</summary>
    public const string Unassigned = "";

    /// <summary>Creates the task, or returns the id of the one already created under the same source key.</summary>
    public static async Task<long> CreateAsync(CrmDbContext db, NewTask task, DateTime now, CancellationToken cancellationToken)
    {
        if (task.SourceKey is { } key && await db.WorkTasks.Where(t => t.SourceKey == key).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var owner = task.OwnerId ?? await DefaultOwnerAsync(db, task.CustomerId, cancellationToken);

        // INSERT … ON CONFLICT DO NOTHING: two nodes creating the task of the same source key keep one.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO work_tasks (customer_id, owner_id, title, reason, source, source_key, urgency, due_at, status,
                prescreen_answers, created_at, created_by, version)
            VALUES ({task.CustomerId}, {owner}, {task.Title}, {task.Reason}, {(int)task.Source}, {task.SourceKey}, {(int)task.Urgency},
                {task.DueAt}, {(int)WorkTaskStatus.Open}, {task.PrescreenAnswers}, {now}, {task.CreatedBy}, 0)
            ON CONFLICT (source_key) DO NOTHING
            """,
            cancellationToken);
        return task.SourceKey is { } created
            ? await db.WorkTasks.Where(t => t.SourceKey == created).Select(t => t.Id).SingleAsync(cancellationToken)
            : await db.WorkTasks.Where(t => t.CustomerId == task.CustomerId && t.CreatedAt == now && t.Title == task.Title).MaxAsync(t => t.Id, cancellationToken);
    }

    /// <summary>The customer's relationship manager; without one, the manager of the customer's branch.</summary>
    public static async Task<string> DefaultOwnerAsync(CrmDbContext db, long customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.RelationshipManagerId, c.BranchId }).SingleAsync(cancellationToken);
        if (customer.RelationshipManagerId is { Length: > 0 } rm)
        {
            return rm;
        }

        var managerRole = await db.Roles.Where(r => r.Name == StaffRole.BranchManager).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var manager = await db.Users.Where(u => u.BranchId == customer.BranchId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == managerRole))
            .OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return manager ?? Unassigned;
    }
}
