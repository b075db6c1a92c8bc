using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// Sends one claimed message: in one transaction, holding the customer's lock, it reads the customer's consents,
/// suppressions, earlier sends and channel scores, asks <see cref="SendPolicy"/>, hands the message (rendered at
/// enqueue; nothing is rendered here) to the channel's adapter and marks it Sent, Deferred or Blocked.
/// </summary>
/// <remarks>
/// Exactly once to the development sink: the sink row (unique per message) and the Sent mark commit together, so a
/// crash before the commit leaves neither and the message is claimed again when its lease runs out, and a crash after
/// it leaves both. SMTP is at least once (see <see cref="SmtpEmailAdapter"/>). The customer's lock (an advisory lock
/// on PostgreSQL; SQLite has one writer and its transactions take the write lock at once) makes the frequency cap
/// hold across nodes: two messages of one customer are never checked and sent side by side.
/// </remarks>
public sealed partial class OutboxSender(CrmDbContextFactory factory, ChannelAdapters adapters, OutreachRules rules, ILogger<OutboxSender> logger)
{
    // "Outb" as the first key of pg_advisory_xact_lock(int, int); the customer id is the second.
    private const int CustomerLockClass = 0x4F757462;

    public async Task<SendOutcome> SendAsync(long id, string leaseToken, DateTime now, string node, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var customerId = await db.OutboundMessages.Where(m => m.Id == id).Select(m => m.CustomerId).SingleAsync(cancellationToken);
        Exception? failure;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({CustomerLockClass}, {(int)(customerId % int.MaxValue)})", cancellationToken);
            }

            var message = await db.OutboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
            if (message.Status != MessageStatus.Sending || message.LeaseOwner != leaseToken)
            {
                return SendOutcome.Skipped;
            }

            var (outcome, channel, error) = await DecideAndDeliverAsync(db, message, now, node, cancellationToken);
            failure = error;
            if (outcome is { } decided)
            {
                try
                {
                    message.Version++;
                    await db.SaveChangesAsync(cancellationToken);
                    if (decided == SendOutcome.Sent && channel is { } learnt)
                    {
                        await ChannelPreferenceLearning.ApplyAsync(db, customerId, learnt, -ChannelPreferences.SendCost, now, cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    return decided;
                }
                catch (DbUpdateException conflict)
                {
                    // Our lease ran out and another node took the message: it decides now, and nothing of ours is kept.
                    logger.LogWarning("Outbox message {Id} changed under {Node} ({Error}); left to its new owner", id, node, conflict.GetType().Name);
                    return SendOutcome.Skipped;
                }
            }
        }

        return await RecordFailureAsync(id, leaseToken, now, failure!, cancellationToken);
    }

    /// <summary>Applies the decision to the tracked message; returns null with the error when the adapter failed.</summary>
    private async Task<(SendOutcome? Outcome, ChannelScore? Channel, Exception? Error)> DecideAndDeliverAsync(
        CrmDbContext db, OutboundMessage message, DateTime now, string node, CancellationToken cancellationToken)
    {
        if (message.Attempts >= rules.Retry.MaxAttempts)
        {
            Finish(message, MessageStatus.DeadLetter, $"发送 {message.Attempts} 次均中断，已转入死信");
            return (SendOutcome.DeadLettered, null, null);
        }

        var facts = await SendFacts.ReadAsync(db, message, rules, now, cancellationToken);
        switch (SendPolicy.Decide(facts.Check, rules))
        {
            case SendDecision.Block block:
                Finish(message, MessageStatus.Blocked, block.Reason);
                return (SendOutcome.Blocked, null, null);
            case SendDecision.Defer defer:
                Finish(message, MessageStatus.Pending, defer.Reason);
                message.NextAttemptAt = defer.Until;
                return (SendOutcome.Deferred, null, null);
            case SendDecision.Send send when adapters.For(send.Channel) is { } adapter:
                try
                {
                    var delivery = new Delivery(message.Id, message.CustomerId, send.Channel, facts.RecipientFor(send.Channel), message.Subject, message.Body, now, node);
                    message.ProviderMessageId = await adapter.DeliverAsync(delivery, db, cancellationToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    return (null, null, error);
                }

                Finish(message, MessageStatus.Sent, null);
                message.Channel = send.Channel;
                message.SentAt = now;
                message.Attempts++;
                return (SendOutcome.Sent, facts.ScoreOf(send.Channel), null);
            case SendDecision.Send send:
                Finish(message, MessageStatus.Blocked, $"没有可发送{SendPolicy.ChannelName(send.Channel)}的通道");
                return (SendOutcome.Blocked, null, null);
            default:
                throw new InvalidOperationException("Unknown send decision");
        }
    }

    private async Task<SendOutcome> RecordFailureAsync(long id, string leaseToken, DateTime now, Exception failure, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var message = await db.OutboundMessages.SingleAsync(m => m.Id == id, cancellationToken);
        if (message.Status != MessageStatus.Sending || message.LeaseOwner != leaseToken)
        {
            return SendOutcome.Skipped;
        }

        message.Attempts++;
        var error = SafeError(failure);
        var delay = rules.Retry.DelayAfter(message.Attempts);
        if (delay is { } wait)
        {
            Finish(message, MessageStatus.Pending, $"第 {message.Attempts} 次发送失败，{Describe(wait)}后重试：{error}");
            message.NextAttemptAt = now + wait;
        }
        else
        {
            Finish(message, MessageStatus.DeadLetter, $"发送失败 {message.Attempts} 次，已转入死信：{error}");
        }

        message.Version++;
        logger.LogWarning("Outbox message {Id} failed (try {Attempts}): {Error}", id, message.Attempts, error);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SendOutcome.Skipped;
        }

        return delay is null ? SendOutcome.DeadLettered : SendOutcome.Retried;
    }

    private static void Finish(OutboundMessage message, MessageStatus status, string? reason)
    {
        message.Status = status;
        message.StatusReason = reason;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
    }

    private static string Describe(TimeSpan wait) => wait.TotalHours >= 1 ? $"{wait.TotalHours:0.#} 小时" : $"{wait.TotalMinutes:0} 分钟";

    /// <summary>The error for the outbox page: a server's reply may quote the recipient, so addresses and mobiles are masked.</summary>
    internal static string SafeError(Exception failure)
    {
        var text = $"{failure.GetType().Name}: {failure.Message}";
        text = EmailPattern().Replace(text, m => Core.Customers.Masking.Email(m.Value));
        text = MobilePattern().Replace(text, m => Core.Customers.Masking.Mobile(m.Value));
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex MobilePattern();
}

/// <summary>What the policy reads about a customer at send time, and the address for the chosen channel.</summary>
internal sealed record SendFacts(SendCheck Check, string? Mobile, string? Email, string CustomerNumber)
{
    public static async Task<SendFacts> ReadAsync(CrmDbContext db, OutboundMessage message, OutreachRules rules, DateTime now, CancellationToken cancellationToken)
    {
        var customerId = message.CustomerId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Type, c.BirthDate, c.Mobile, c.Email, c.CustomerNumber }).SingleAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(cancellationToken);
        var suppressions = await db.SuppressionEntries.AsNoTracking().Where(s => s.CustomerId == customerId).ToListAsync(cancellationToken);
        List<DateTime> sentAt = [];
        if (message.Purpose == MessagePurpose.Marketing && rules.MarketingCaps.Count > 0)
        {
            var since = now.AddDays(-rules.MarketingCaps.Max(c => c.Days));
            sentAt = await db.OutboundMessages.AsNoTracking()
                .Where(m => m.CustomerId == customerId && m.Purpose == MessagePurpose.Marketing && m.Status == MessageStatus.Sent && m.SentAt > since)
                .Select(m => m.SentAt!.Value).ToListAsync(cancellationToken);
        }

        var stored = await db.ChannelPreferences.AsNoTracking().Where(p => p.CustomerId == customerId).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Core.Common.ChinaTime.FromUtc(now));
        var check = new SendCheck
        {
            Purpose = message.Purpose,
            Channel = Enum.IsDefined(message.Channel) ? message.Channel : null,
            Urgent = message.Urgent,
            Now = now,
            Consents = consents,
            Suppressions = suppressions,
            MarketingSentAt = sentAt,
            HasMobile = !string.IsNullOrWhiteSpace(customer.Mobile),
            HasEmail = !string.IsNullOrWhiteSpace(customer.Email),
            Ranking = ChannelPreferences.Ranked(stored, customer.Type, customer.BirthDate, today),
        };
        return new SendFacts(check, customer.Mobile, customer.Email, customer.CustomerNumber);
    }

    public ChannelScore ScoreOf(ContactChannel channel) => Check.Ranking.Single(r => r.Channel == channel);

    /// <summary>WeCom and app push reach the customer through the account bound to the customer number.</summary>
    public string RecipientFor(ContactChannel channel) => channel switch
    {
        ContactChannel.Sms => Mobile!,
        ContactChannel.Email => Email!,
        _ => $"客户号 {CustomerNumber}",
    };
}
