using BankCrm.Core.Audit;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>What staff do to single messages: send a dead letter again, record that the customer answered one.</summary>
public sealed class OutboxActions(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    /// <summary>Puts a dead letter back in the queue with its tries reset; it goes out on the next dispatch, through the policy again.</summary>
    public async Task<OutreachOutcome> ResendAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var message = await Visible(actor, id).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return new OutreachOutcome.NotFound();
        }

        if (message.Status != MessageStatus.DeadLetter)
        {
            return new OutreachOutcome.Conflict("只有死信可以重发");
        }

        var previous = message.StatusReason;
        message.Status = MessageStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = time.GetUtcNow().UtcDateTime;
        message.StatusReason = null;
        message.Version++;
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.OutboxResent) with
        {
            CustomerId = message.CustomerId,
            Detail = AuditDetail.Of(new { messageId = id, previous }),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new OutreachOutcome.Done(id);
    }

    /// <summary>
    /// Records that the customer replied to or acted on a sent message, once: the first report counts and raises the
    /// channel's score (<see cref="ChannelPreferences.ResponseReward"/>); a repeat changes nothing.
    /// </summary>
    public async Task<OutreachOutcome> RecordResponseAsync(Actor actor, long id, string? note, CancellationToken cancellationToken = default)
    {
        var message = await Visible(actor, id).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return new OutreachOutcome.NotFound();
        }

        if (message.Status != MessageStatus.Sent)
        {
            return new OutreachOutcome.Conflict("只有已发送的消息可以记录客户回应");
        }

        if (message.RespondedAt is not null)
        {
            return new OutreachOutcome.Done(false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        message.RespondedAt = now;
        message.Version++;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == message.CustomerId).Select(c => new { c.Type, c.BirthDate }).SingleAsync(cancellationToken);
        var stored = await db.ChannelPreferences.AsNoTracking().Where(p => p.CustomerId == message.CustomerId).ToListAsync(cancellationToken);
        var score = ChannelPreferences.Ranked(stored, customer.Type, customer.BirthDate, Core.Common.ChinaTime.Today(time)).Single(s => s.Channel == message.Channel);
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ChannelPreferenceLearning.ApplyAsync(db, message.CustomerId, score, ChannelPreferences.ResponseReward, now, cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.OutboxResponseRecorded) with
        {
            CustomerId = message.CustomerId,
            Fields = message.Channel.ToString(),
            Detail = AuditDetail.Of(new { messageId = id, note = Core.Common.TextNormalizer.Clean(note) is { Length: > 0 } n ? n[..Math.Min(n.Length, 500)] : null }),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new OutreachOutcome.Done(true);
    }

    private IQueryable<OutboundMessage> Visible(Actor actor, long id) =>
        db.OutboundMessages.Where(m => m.Id == id && db.Customers.VisibleTo(actor).Any(c => c.Id == m.CustomerId));
}
