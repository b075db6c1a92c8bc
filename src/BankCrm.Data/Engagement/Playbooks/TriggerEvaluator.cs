using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>How many customers one playbook enrolled in one evaluation, and how long it took.</summary>
public sealed record TriggerOutcome(long PlaybookId, string Code, TriggerKind Kind, int Enrolled, TimeSpan Elapsed);

/// <summary>
/// Evaluates the trigger of every enabled playbook, set-based: per playbook one INSERT … SELECT of the customers whose
/// trigger fired and whose conditions hold, never a customer in memory. A customer already on an active journey of
/// the same playbook is not enrolled again until it ends, and a playbook that acts on a profile enrols only customers
/// who may be profiled (<see cref="ProfilingTriggers"/>). Safe to run as often as wanted: every enrolment is keyed by
/// its occurrence, so a trigger evaluated twice (a retry, two nodes, a date-based kind every five minutes) enrols once.
/// </summary>
public sealed class TriggerEvaluator(CrmDbContextFactory factory, TimeProvider time, ILogger<TriggerEvaluator>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<TriggerEvaluator>.Instance;

    /// <summary>Evaluates every enabled playbook, each in its own context and statement.</summary>
    public Task<IReadOnlyList<TriggerOutcome>> EvaluateAsync(DateTime now, CancellationToken cancellationToken) => EvaluateAsync(null, now, cancellationToken);

    /// <summary>
    /// Evaluates every enabled playbook on <paramref name="shared"/> when given (inside its transaction, e.g. one the
    /// benchmark rolls back), otherwise each playbook on a context of its own.
    /// </summary>
    public async Task<IReadOnlyList<TriggerOutcome>> EvaluateAsync(CrmDbContext? shared, DateTime now, CancellationToken cancellationToken)
    {
        List<Playbook> playbooks;
        TriggerWindow window;
        await using (var owned = shared is null ? factory.CreateDbContext() : null)
        {
            var db = shared ?? owned!;
            playbooks = await db.Playbooks.AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            window = await WindowAsync(db, now, cancellationToken);
        }

        var outcomes = new List<TriggerOutcome>();
        foreach (var playbook in playbooks)
        {
            var started = time.GetTimestamp();
            var (definition, errors) = PlaybookDefinitions.ReadValid(playbook);
            if (definition is null)
            {
                logger.LogWarning("Playbook {Code} is not valid and was not evaluated: {Errors}", playbook.Code, string.Join("; ", errors.Select(e => e.Message)));
                continue;
            }

            int enrolled;
            await using (var owned = shared is null ? factory.CreateDbContext() : null)
            {
                enrolled = await EvaluateAsync(shared ?? owned!, playbook.Id, playbook.Code, definition, window, cancellationToken);
            }

            outcomes.Add(new TriggerOutcome(playbook.Id, playbook.Code, definition.Trigger.Kind, enrolled, time.GetElapsedTime(started)));
        }

        return outcomes;
    }

    private async Task<int> EvaluateAsync(CrmDbContext db, long playbookId, string code, PlaybookDefinition definition, TriggerWindow window, CancellationToken cancellationToken)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var filter = new CustomerRuleFilter(db);
        var context = new RuleContext(window.Today, window.LatestRun);
        var customers = ProfilingTriggers.ActsOnProfile(definition.Trigger, definition.Conditions) ? db.Customers.MayBeProfiled(db, window.Now) : db.Customers;
        customers = definition.Conditions is { } conditions ? filter.Apply(customers, conditions, context) : customers;
        customers = customers.Where(c => !db.Enrolments.Any(e => e.PlaybookId == playbookId && e.CustomerId == c.Id && e.Status == EnrolmentStatus.Active));

        IQueryable<TriggerCandidate>? candidates;
        if (definition.Trigger.Kind == TriggerKind.SegmentEntry)
        {
            var segmentRule = await db.Segments.AsNoTracking().Where(s => s.Id == definition.Trigger.SegmentId).Select(s => s.Rule).SingleOrDefaultAsync(cancellationToken);
            var (rule, _) = RuleJson.ReadValid(segmentRule, RuleUse.Segment);
            if (rule is null)
            {
                logger.LogWarning("Playbook {Code}: segment {SegmentId} is missing or its rule is not valid", code, definition.Trigger.SegmentId);
                return 0;
            }

            candidates = TriggerQueries.SegmentEntry(filter.Apply(customers, rule, context), definition.Trigger.SegmentId!.Value);
        }
        else
        {
            candidates = TriggerQueries.For(db, definition.Trigger, customers, window);
        }

        if (candidates is null)
        {
            return 0;
        }

        // Occurrences already enrolled are left out here (an index look-up), so a date-based kind evaluated every few
        // minutes re-reads its customers but writes nothing; ON CONFLICT covers a concurrent evaluation.
        candidates = candidates.Where(k => !db.Enrolments.Any(e => e.PlaybookId == playbookId && e.CustomerId == k.CustomerId && e.OccurrenceKey == k.OccurrenceKey));
        return await EnrolmentInsert.ExecuteAsync(db, candidates, playbookId, window.Now, cancellationToken);
    }

    private static async Task<TriggerWindow> WindowAsync(CrmDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var runs = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.Status == ScoringRunStatus.Completed && r.RunDate <= today)
            .OrderByDescending(r => r.RunDate).Select(r => r.RunDate).Take(2).ToListAsync(cancellationToken);
        return new TriggerWindow(DateTime.SpecifyKind(now, DateTimeKind.Utc), today, runs.Count > 0 ? runs[0] : null, runs.Count > 1 ? runs[1] : null);
    }
}
