using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Privacy;

/// <summary>
/// What an erasure does to the engagement data of a customer, inside the erasure's transaction: nothing more is sent
/// or started, and the texts that carry personal information (message bodies, task notes, pre-screening answers,
/// the learned channel preferences) go. Ids, dates and statuses stay, so campaign and task statistics still add up.
/// A suppression entry stays: it protects the customer.
/// </summary>
internal static class EngagementErasure
{
    public const string Reason = "客户已行使删除权";

    public static async Task EraseAsync(CrmDbContext db, long customerId, DateTime now, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        counts["messagesStopped"] = await db.OutboundMessages
            .Where(m => m.CustomerId == customerId && (m.Status == MessageStatus.Pending || m.Status == MessageStatus.Sending || m.Status == MessageStatus.DeadLetter))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MessageStatus.Blocked).SetProperty(m => m.StatusReason, Reason)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        counts["messagesRedacted"] = await db.OutboundMessages.Where(m => m.CustomerId == customerId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Body, Customer.Erased), cancellationToken);
        counts["deliveriesRedacted"] = await db.DeliveredMessages.Where(d => d.CustomerId == customerId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Body, Customer.Erased).SetProperty(d => d.MaskedRecipient, Customer.Erased), cancellationToken);
        counts["channelPreferences"] = await db.ChannelPreferences.Where(p => p.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        counts["journeysEnded"] = await db.Enrolments.Where(e => e.CustomerId == customerId && e.Status == EnrolmentStatus.Active)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EnrolmentStatus.Exited).SetProperty(e => e.ExitReason, Reason)
                .SetProperty(e => e.FinishedAt, now).SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
        await db.Enrolments.Where(e => e.CustomerId == customerId && e.PrescreenAnswers != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.PrescreenAnswers, (string?)null), cancellationToken);
        counts["tasksCancelled"] = await db.WorkTasks
            .Where(t => t.CustomerId == customerId && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, WorkTaskStatus.Cancelled).SetProperty(t => t.CompletedAt, now)
                .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        counts["tasksRedacted"] = await db.WorkTasks.Where(t => t.CustomerId == customerId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Reason, Customer.Erased).SetProperty(t => t.OutcomeNote, (string?)null)
                .SetProperty(t => t.PrescreenAnswers, (string?)null), cancellationToken);
    }
}
