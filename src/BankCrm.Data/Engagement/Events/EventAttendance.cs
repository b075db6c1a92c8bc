using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Engagement.Events;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Data.Segmentation.Segments;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Events;

/// <summary>
/// Who comes to an event: a saved segment is invited (one invitation per customer through the outbox), staff record
/// registrations, declines, check-ins and no-shows, and attendees get a follow-up task from their RM. Every customer
/// is seen through the caller's scope; names are masked.
/// </summary>
public sealed class EventAttendance(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit, SegmentStore segments)
{
    private const int BatchSize = 500;

    public async Task<EngagementResult<PagedResult<AttendeeLine>>> ListAsync(Actor actor, long eventId, AttendeeStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.BankEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return EngagementProblem.NotFound("活动");
        }

        page = PagedResult<AttendeeLine>.ClampPage(page);
        pageSize = PagedResult<AttendeeLine>.ClampPageSize(pageSize);
        var rows = db.EventAttendees.Where(a => a.EventId == eventId && (status == null || a.Status == status))
            .Join(db.Customers.VisibleTo(actor), a => a.CustomerId, c => c.Id, (a, c) => new { Attendee = a, c.CustomerNumber, c.Name });
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.Attendee.CustomerId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return EngagementResult<PagedResult<AttendeeLine>>.Ok(new PagedResult<AttendeeLine>(
            [.. items.Select(r => new AttendeeLine(r.Attendee.CustomerId, r.CustomerNumber, Masking.Name(r.Name), r.Attendee.Status, r.Attendee.InvitedAt,
                r.Attendee.RegisteredAt, r.Attendee.AttendedAt, r.Attendee.FollowUpTaskId))],
            total, page, pageSize));
    }

    /// <summary>Invites the segment's customers in the caller's scope who are not yet listed and may be contacted.</summary>
    public async Task<EngagementResult<InvitationResult>> InviteSegmentAsync(Actor actor, long eventId, long segmentId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var bankEvent = await db.BankEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (bankEvent is null)
        {
            return EngagementProblem.NotFound("活动");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (EventRules.CanInvite(bankEvent, now) is { } refused)
        {
            return new EngagementProblem(EngagementFailure.Conflict, refused.Message, []);
        }

        if (await segments.MembersQueryAsync(db, actor, segmentId, cancellationToken) is not { } members)
        {
            return EngagementProblem.Invalid([new FieldError("segmentId", "visible", "客群不存在或未共享给您")]);
        }

        var invited = 0;
        var skipped = 0;
        var when = ChinaTime.FromUtc(bankEvent.StartsAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        for (long cursor = 0; ;)
        {
            var batch = await members.Where(c => c.Id > cursor).OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            cursor = batch[^1];
            var listed = await db.EventAttendees.Where(a => a.EventId == eventId && batch.Contains(a.CustomerId)).Select(a => a.CustomerId).ToListAsync(cancellationToken);
            var suppressed = await db.SuppressionEntries.Where(s => batch.Contains(s.CustomerId) && s.Channel == null && (s.Until == null || s.Until > now))
                .Select(s => s.CustomerId).ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var customerId in batch)
            {
                if (!EventRules.MayBeInvited(listed.Contains(customerId), suppressed.Contains(customerId)))
                {
                    skipped++;
                    continue;
                }

                var model = await MessageModels.ForCustomerAsync(db, customerId, null, null, now, cancellationToken);
                var body = $"{model.CustomerSalutation}您好！{model.BranchName}诚邀您参加「{bankEvent.Title}」，时间 {when}（北京时间），地点 {bankEvent.Location}。" +
                    $"报名请联系客户经理 {model.RmName}（{model.RmPhone}）。";
                await OutboxWriter.EnqueueAsync(db, new OutboundRequest(
                    $"event:{eventId}:customer:{customerId}", customerId, null, MessagePurpose.Marketing, MessageSource.Event, eventId,
                    $"活动邀请：{bankEvent.Title}", body, now, actor.UserName), now, cancellationToken);
                db.EventAttendees.Add(new EventAttendee { EventId = eventId, CustomerId = customerId, Status = AttendeeStatus.Invited, InvitedAt = now });
                invited++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.EventInvited) with
        {
            Fields = $"event:{eventId}",
            Detail = AuditDetail.Of(new { eventId, segmentId, invited, skipped }),
        }, cancellationToken);
        return EngagementResult<InvitationResult>.Ok(new InvitationResult(invited, skipped));
    }

    /// <summary>Records a registration, decline, check-in or no-show; a check-in also logs a Salon interaction on the customer.</summary>
    public async Task<EngagementResult<AttendeeLine>> MoveAsync(Actor actor, long eventId, long customerId, AttendeeStatus to, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var customer = await db.Customers.VisibleTo(actor).Where(c => c.Id == customerId).Select(c => new { c.CustomerNumber, c.Name }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return new EngagementProblem(EngagementFailure.NotFound, "客户不存在，或不在您的权限范围内", [], customerId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bankEvent = await db.BankEvents.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        var attendee = await db.EventAttendees.SingleOrDefaultAsync(a => a.EventId == eventId && a.CustomerId == customerId, cancellationToken);
        if (bankEvent is null || attendee is null)
        {
            return EngagementProblem.NotFound(bankEvent is null ? "活动" : "该客户的邀请");
        }

        // Claims the event row: two people filling the last seat at once are serialised on it, and one is refused.
        bankEvent.Version++;
        var seats = await db.EventAttendees.CountAsync(a => a.EventId == eventId && (a.Status == AttendeeStatus.Registered || a.Status == AttendeeStatus.Attended), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (EventRules.Move(attendee, to, bankEvent, seats, now) is { } refused)
        {
            return new EngagementProblem(EngagementFailure.Conflict, refused.Message, [new FieldError("status", "step", refused.Message)]);
        }

        if (to == AttendeeStatus.Attended && !await db.Interactions.AnyAsync(i => i.EventId == eventId && i.CustomerId == customerId, cancellationToken))
        {
            db.Interactions.Add(new Interaction
            {
                CustomerId = customerId, StaffId = actor.UserId, Channel = InteractionChannel.Salon, OccurredAt = now, EventId = eventId,
                Summary = $"参加活动「{bankEvent.Title}」", Outcome = "已签到",
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EngagementProblem(EngagementFailure.Conflict, "活动刚被他人更新，请刷新后再试", []);
        }

        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.EventAttendeeChanged) with
        {
            CustomerId = customerId,
            Fields = $"event:{eventId}",
            Detail = AuditDetail.Of(new { eventId, status = to.ToString() }),
        }, cancellationToken);
        return EngagementResult<AttendeeLine>.Ok(new AttendeeLine(customerId, customer.CustomerNumber, Masking.Name(customer.Name), attendee.Status, attendee.InvitedAt,
            attendee.RegisteredAt, attendee.AttendedAt, attendee.FollowUpTaskId));
    }

    /// <summary>A follow-up task (回访) for every attendee in the caller's scope who has none, owned by the customer's RM.</summary>
    public async Task<EngagementResult<FollowUpResult>> CreateFollowUpsAsync(Actor actor, long eventId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var bankEvent = await db.BankEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        if (bankEvent is null)
        {
            return EngagementProblem.NotFound("活动");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var visible = db.Customers.VisibleTo(actor).Select(c => c.Id);
        var created = 0;
        while (true)
        {
            var batch = await db.EventAttendees.Where(a => a.EventId == eventId && a.Status == AttendeeStatus.Attended && a.FollowUpTaskId == null && visible.Contains(a.CustomerId))
                .OrderBy(a => a.CustomerId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var attendee in batch)
            {
                attendee.FollowUpTaskId = await TaskWriter.CreateAsync(db, new NewTask(
                    attendee.CustomerId, $"活动回访：{bankEvent.Title}", $"客户参加了「{bankEvent.Title}」，请在三天内回访，了解需求并记录结果。",
                    TaskSource.Event, $"event:{eventId}:followup:{attendee.CustomerId}", TaskUrgency.Normal, now.AddDays(3), actor.UserName), now, cancellationToken);
                created++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await audit.RecordAsync(AuditRecord.By(actor, AuditActions.EventFollowUpsCreated) with
        {
            Fields = $"event:{eventId}",
            Detail = AuditDetail.Of(new { eventId, created }),
        }, cancellationToken);
        return EngagementResult<FollowUpResult>.Ok(new FollowUpResult(created));
    }
}
