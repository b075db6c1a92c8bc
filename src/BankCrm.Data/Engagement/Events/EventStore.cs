using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Events;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Events;

/// <summary>Customer events and salons (客户活动/沙龙): create, edit, list. Invitations and attendance are in <see cref="EventAttendance"/>.</summary>
public sealed class EventStore(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<PagedResult<EventListItem>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        page = PagedResult<EventListItem>.ClampPage(page);
        pageSize = PagedResult<EventListItem>.ClampPageSize(pageSize);
        var total = await db.BankEvents.CountAsync(cancellationToken);
        var rows = await db.BankEvents.OrderByDescending(e => e.StartsAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new EventListItem(e.Id, e.Title, e.StartsAt, e.Location, e.Capacity, e.Status,
                db.EventAttendees.Count(a => a.EventId == e.Id),
                db.EventAttendees.Count(a => a.EventId == e.Id && a.Status == AttendeeStatus.Registered),
                db.EventAttendees.Count(a => a.EventId == e.Id && a.Status == AttendeeStatus.Attended)))
            .ToListAsync(cancellationToken);
        return new PagedResult<EventListItem>(rows, total, page, pageSize);
    }

    public async Task<EngagementResult<EventView>> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var found = await db.BankEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return found is null ? EngagementProblem.NotFound("活动") : EngagementResult<EventView>.Ok(await ViewAsync(db, found, cancellationToken));
    }

    public async Task<EngagementResult<EventView>> SaveAsync(Actor actor, long? id, EventInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var existing = id is null ? null : await db.BankEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (id is not null && existing is null)
        {
            return EngagementProblem.NotFound("活动");
        }

        var errors = Check(input, existing, now);
        if (input.BranchId is { } branchId && !await db.Branches.AnyAsync(b => b.Id == branchId, cancellationToken))
        {
            errors.Add(new FieldError("branchId", "exists", "网点不存在"));
        }

        if (errors.Count > 0)
        {
            return EngagementProblem.Invalid(errors);
        }

        var bankEvent = existing ?? new BankEvent { CreatedBy = actor.UserId, CreatedAt = now };
        if (existing is null)
        {
            db.BankEvents.Add(bankEvent);
        }

        bankEvent.Title = input.Title!.Trim();
        bankEvent.Description = input.Description?.Trim() ?? string.Empty;
        bankEvent.StartsAt = input.StartsAt!.Value.UtcDateTime;
        bankEvent.Location = input.Location!.Trim();
        bankEvent.Capacity = input.Capacity!.Value;
        bankEvent.BranchId = input.BranchId;
        bankEvent.Status = input.Status ?? bankEvent.Status;
        bankEvent.Version++;
        await using (var append = await audit.BeginAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await append.AppendAsync(AuditRecord.By(actor, AuditActions.EventSaved) with
            {
                Fields = $"event:{bankEvent.Id}",
                Detail = AuditDetail.Of(new { eventId = bankEvent.Id, bankEvent.Title, status = bankEvent.Status.ToString(), created = existing is null }),
            }, cancellationToken);
            await append.CommitAsync(cancellationToken);
        }

        return EngagementResult<EventView>.Ok(await ViewAsync(db, bankEvent, cancellationToken));
    }

    internal static async Task<EventView> ViewAsync(CrmDbContext db, BankEvent e, CancellationToken cancellationToken)
    {
        var counts = await db.EventAttendees.Where(a => a.EventId == e.Id).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(AttendeeStatus status) => counts.Where(c => c.Key == status).Sum(c => c.Count);
        return new EventView(e.Id, e.Title, e.Description, e.StartsAt, e.Location, e.Capacity, e.BranchId, e.Status, e.CreatedBy, e.CreatedAt, e.Version,
            new AttendeeCounts(Of(AttendeeStatus.Invited), Of(AttendeeStatus.Registered), Of(AttendeeStatus.Declined), Of(AttendeeStatus.Attended), Of(AttendeeStatus.NoShow)));
    }

    private static List<FieldError> Check(EventInput input, BankEvent? existing, DateTime now)
    {
        var errors = new List<FieldError>();
        if ((input.Title?.Trim().Length ?? 0) is 0 or > 100)
        {
            errors.Add(new FieldError("title", "length", "活动名称必填，最长 100 个字"));
        }

        if ((input.Location?.Trim().Length ?? 0) is 0 or > 200)
        {
            errors.Add(new FieldError("location", "length", "活动地点必填，最长 200 个字"));
        }

        if ((input.Description?.Length ?? 0) > 4000)
        {
            errors.Add(new FieldError("description", "length", "活动介绍最长 4000 个字"));
        }

        if (input.Capacity is not (>= 1 and <= 5000))
        {
            errors.Add(new FieldError("capacity", "range", "名额须在 1–5000 之间"));
        }

        if (input.StartsAt is null)
        {
            errors.Add(new FieldError("startsAt", "required", "请填写活动时间"));
        }
        else if (input.StartsAt.Value.UtcDateTime < now && input.StartsAt.Value.UtcDateTime != existing?.StartsAt)
        {
            errors.Add(new FieldError("startsAt", "future", "活动时间不能早于现在"));
        }

        return errors;
    }
}
