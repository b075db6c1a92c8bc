using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>What one dispatch run did.</summary>
public sealed record DispatchSummary(int Claimed, int Sent, int Deferred, int Blocked, int Retried, int DeadLettered, int Skipped)
{
    public static DispatchSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public DispatchSummary Add(SendOutcome outcome) => outcome switch
    {
        SendOutcome.Sent => this with { Sent = Sent + 1 },
        SendOutcome.Deferred => this with { Deferred = Deferred + 1 },
        SendOutcome.Blocked => this with { Blocked = Blocked + 1 },
        SendOutcome.Retried => this with { Retried = Retried + 1 },
        SendOutcome.DeadLettered => this with { DeadLettered = DeadLettered + 1 },
        _ => this with { Skipped = Skipped + 1 },
    };
}

public enum SendOutcome
{
    Sent,
    Deferred,
    Blocked,
    Retried,
    DeadLettered,

    /// <summary>Someone else holds it now (our lease ran out) or it is no longer waiting.</summary>
    Skipped,
}

/// <summary>
/// Sends what is due in the outbox. It claims due messages in batches under a lease (status Sending, a lease owner
/// unique to the claim, a lease end), so several app nodes share the work; a message whose lease ran out — its node
/// died mid-send — is claimed again. Each claimed message then goes through <see cref="OutboxSender"/>.
/// </summary>
public sealed class OutboxDispatcher(CrmDbContextFactory factory, OutboxSender sender, ILogger<OutboxDispatcher> logger, TimeSpan? lease = null)
{
    public const int DefaultBatchSize = 50;

    /// <summary>The default lease: long enough for a batch of slow SMTP sends; a node that dies holds its messages this long at most.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim lasts (<c>Outreach:LeaseSeconds</c>); after it a dead node's messages are claimed again.</summary>
    public TimeSpan Lease { get; } = lease ?? DefaultLease;

    /// <summary>Sends every message due at <paramref name="now"/>, at most <paramref name="maxBatches"/> batches in one run.</summary>
    public async Task<DispatchSummary> DispatchDueAsync(DateTime now, string node, CancellationToken cancellationToken, int batchSize = DefaultBatchSize, int maxBatches = 40)
    {
        var summary = DispatchSummary.Empty;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var (token, ids) = await ClaimAsync(now, node, batchSize, cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            summary = summary with { Claimed = summary.Claimed + ids.Count };
            foreach (var id in ids)
            {
                summary = summary.Add(await sender.SendAsync(id, token, now, node, cancellationToken));
            }
        }

        if (summary.Claimed > 0)
        {
            logger.LogInformation("Outbox dispatch on {Node}: {Summary}", node, summary);
        }

        return summary;
    }

    /// <summary>
    /// Marks up to <paramref name="batchSize"/> due messages as ours. Two nodes may pick the same candidates; the
    /// conditional UPDATE lets only the first take each (PostgreSQL re-checks the condition on the locked row, SQLite
    /// has one writer), and the claim's own token tells each node which rows it won.
    /// </summary>
    private async Task<(string Token, List<long> Ids)> ClaimAsync(DateTime now, string node, int batchSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var token = $"{node}:{Guid.NewGuid():N}";
        var candidates = await Due(db.OutboundMessages, now).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (token, []);
        }

        var leaseUntil = now + Lease;
        await Due(db.OutboundMessages.Where(m => candidates.Contains(m.Id)), now).ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.Status, MessageStatus.Sending)
                .SetProperty(m => m.LeaseOwner, token)
                .SetProperty(m => m.LeaseUntil, leaseUntil)

                // A lease that ran out means a node died while sending: that counts as a try, so a message that kills
                // its sender every time ends as a dead letter instead of taking nodes down for ever.
                .SetProperty(m => m.Attempts, m => m.Status == MessageStatus.Sending ? m.Attempts + 1 : m.Attempts)
                .SetProperty(m => m.Version, m => m.Version + 1),
            cancellationToken);
        var won = await db.OutboundMessages.Where(m => m.LeaseOwner == token).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        return (token, won);
    }

    private static IQueryable<OutboundMessage> Due(IQueryable<OutboundMessage> messages, DateTime now) =>
        messages.Where(m => (m.Status == MessageStatus.Pending && m.NextAttemptAt <= now) || (m.Status == MessageStatus.Sending && m.LeaseUntil < now));
}
