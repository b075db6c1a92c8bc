using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// A message to put in the outbox. <see cref="IdempotencyKey"/> names the one occurrence it stands for
/// ("enrolment:42:step:0", "campaign:7:customer:1001"): enqueuing the same key again keeps the first message.
/// <see cref="Channel"/> null means the customer's preferred channel among those they may be contacted on.
/// <see cref="Urgent"/> lets a service message through the quiet hours and the suppression list (never marketing).
/// </summary>
public sealed record OutboundRequest(
    string IdempotencyKey,
    long CustomerId,
    ContactChannel? Channel,
    MessagePurpose Purpose,
    MessageSource Source,
    long? SourceId,
    string Subject,
    string Body,
    DateTime NotBefore,
    string CreatedBy,
    bool Urgent = false);

/// <summary>
/// The only way into the outbox. It only stores: consent, quiet hours, the frequency cap and the suppression list
/// are checked when the message is about to go out, so a withdrawal between enqueue and send is honoured.
/// </summary>
public static class OutboxWriter
{
    /// <summary>Stores the message once per idempotency key, inside the caller's transaction if it has one; returns its id.</summary>
    public static async Task<long> EnqueueAsync(CrmDbContext db, OutboundRequest request, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        var channel = (int?)request.Channel ?? 0;

        // INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL): a second enqueue of the same key, from a retry or
        // from another node, neither fails the caller's transaction nor adds a row.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO outbound_messages (idempotency_key, customer_id, channel, purpose, source, source_id, urgent, subject, body,
                status, attempts, next_attempt_at, created_at, created_by, version)
            VALUES ({request.IdempotencyKey}, {request.CustomerId}, {channel}, {(int)request.Purpose}, {(int)request.Source},
                {request.SourceId}, {request.Urgent && request.Purpose == MessagePurpose.Service}, {request.Subject}, {request.Body}, {(int)MessageStatus.Pending}, 0, {request.NotBefore}, {now},
                {request.CreatedBy}, 0)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            cancellationToken);
        return await db.OutboundMessages.Where(m => m.IdempotencyKey == request.IdempotencyKey).Select(m => m.Id).SingleAsync(cancellationToken);
    }
}
