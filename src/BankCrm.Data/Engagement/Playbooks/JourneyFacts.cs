using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>What the exit rules and the branch step read about one enrolment; each query runs only when a rule asks for it.</summary>
internal static class JourneyFacts
{
    public static async Task<ExitFacts> ExitAsync(CrmDbContext db, Enrolment enrolment, PlaybookExitRules rules, DateTime now, CancellationToken cancellationToken)
    {
        var messages = Messages(db, enrolment.Id);
        var responded = rules.ExitOnResponse && await messages.AnyAsync(m => m.RespondedAt != null, cancellationToken);
        var productOpened = false;
        if (ExitCheck.Category(rules) is { } category)
        {
            var enrolledOn = DateOnly.FromDateTime(ChinaTime.FromUtc(enrolment.EnrolledAt));
            var products = db.Products.Where(p => p.Category == category).Select(p => p.Id);
            productOpened = await db.Accounts.AnyAsync(a => a.CustomerId == enrolment.CustomerId && a.OpenedOn >= enrolledOn && products.Contains(a.ProductId), cancellationToken);
        }

        var withdrawn = rules.ExitOnConsentWithdrawn && await db.ConsentRecords.AnyAsync(
            r => r.CustomerId == enrolment.CustomerId && r.Purpose == ConsentPurpose.Marketing && !r.Granted && r.RecordedAt >= enrolment.EnrolledAt, cancellationToken);
        return new ExitFacts(now, enrolment.EnrolledAt, responded, productOpened, withdrawn);
    }

    /// <summary>The journey's last message (sent, or else enqueued) and whether the customer replied to any message since it.</summary>
    public static async Task<StepFacts> BranchAsync(CrmDbContext db, long enrolmentId, DateTime now, CancellationToken cancellationToken)
    {
        var messages = Messages(db, enrolmentId);
        var last = await messages.OrderByDescending(m => m.Id).Select(m => new { m.CreatedAt, m.SentAt }).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return new StepFacts(now, null, false);
        }

        var since = last.CreatedAt;
        var responded = await messages.AnyAsync(m => m.RespondedAt != null && m.RespondedAt >= since, cancellationToken);
        return new StepFacts(now, last.SentAt ?? last.CreatedAt, responded);
    }

    public static IQueryable<OutboundMessage> Messages(CrmDbContext db, long enrolmentId) =>
        db.OutboundMessages.Where(m => m.Source == MessageSource.Playbook && m.SourceId == enrolmentId);
}
