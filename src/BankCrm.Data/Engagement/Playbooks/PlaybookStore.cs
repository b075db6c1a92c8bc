using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// Playbooks as marketing manages them: list with enrolment counts, one with its definition, save (validated, with
/// optimistic concurrency), enable/disable and statistics. Every change commits together with its audit entry.
/// </summary>
public sealed class PlaybookStore(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public async Task<IReadOnlyList<PlaybookListItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var counts = await CountsAsync(db, null, cancellationToken);
        var playbooks = await db.Playbooks.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. playbooks.Select(p => (Playbook: p, Definition: PlaybookJson.Read(p).Definition)).Select(x => new PlaybookListItem(
            x.Playbook.Id, x.Playbook.Code, x.Playbook.Name, x.Playbook.Description, x.Playbook.Enabled, x.Definition?.Trigger, x.Definition?.Conditions is not null,
            IsShipped(x.Playbook.Code), counts.GetValueOrDefault(x.Playbook.Id, EnrolmentCounts.None), x.Playbook.UpdatedAt, x.Playbook.UpdatedBy))];
    }

    public async Task<PlaybookView?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var playbook = await db.Playbooks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return playbook is null ? null : View(playbook);
    }

    /// <summary>Creates (id null) or updates a playbook; an update must name the version it edited.</summary>
    public async Task<PlaybookOutcome> SaveAsync(Actor actor, long? id, PlaybookDefinition input, int? version, CancellationToken cancellationToken)
    {
        var definition = input.Normalized();
        var errors = PlaybookDefinitions.Validate(definition).ToList();
        await using var db = factory.CreateDbContext();
        if (definition.Trigger.Kind == TriggerKind.SegmentEntry && definition.Trigger.SegmentId is { } segmentId
            && !await db.Segments.AnyAsync(s => s.Id == segmentId, cancellationToken))
        {
            errors.Add(new FieldError("trigger.segmentId", "exists", $"触发条件「进入客群」：客群 #{segmentId} 不存在"));
        }

        if (errors.Count > 0)
        {
            return new PlaybookOutcome.Invalid(errors);
        }

        Playbook? playbook;
        if (id is null)
        {
            playbook = new Playbook { Code = "pb-" + Guid.NewGuid().ToString("N")[..10] };
            db.Playbooks.Add(playbook);
        }
        else
        {
            playbook = await db.Playbooks.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (playbook is null)
            {
                return new PlaybookOutcome.NotFound();
            }

            if (version != playbook.Version)
            {
                return new PlaybookOutcome.Conflict(playbook.Version);
            }

            playbook.Version++;
        }

        PlaybookJson.WriteTo(playbook, definition);
        playbook.UpdatedAt = time.GetUtcNow().UtcDateTime;
        playbook.UpdatedBy = actor.UserName;
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.PlaybookSaved) with
        {
            Detail = $"{(id is null ? "新建" : "修改")}经营策略「{playbook.Name}」(#{playbook.Id}, {playbook.Code})，第 {playbook.Version} 版",
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new PlaybookOutcome.Saved(View(playbook));
    }

    /// <summary>Enables or disables (pauses) a playbook; null when it does not exist.</summary>
    public async Task<PlaybookView?> SetEnabledAsync(Actor actor, long id, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var playbook = await db.Playbooks.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (playbook is null || playbook.Enabled == enabled)
        {
            return playbook is null ? null : View(playbook);
        }

        playbook.Enabled = enabled;
        playbook.Version++;
        playbook.UpdatedAt = time.GetUtcNow().UtcDateTime;
        playbook.UpdatedBy = actor.UserName;
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, enabled ? AuditActions.PlaybookEnabled : AuditActions.PlaybookDisabled) with
        {
            Detail = $"经营策略「{playbook.Name}」(#{playbook.Id}, {playbook.Code})",
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return View(playbook);
    }

    public async Task<PlaybookStats?> StatsAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Playbooks.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return null;
        }

        var counts = (await CountsAsync(db, id, cancellationToken)).GetValueOrDefault(id, EnrolmentCounts.None);
        var enrolments = db.Enrolments.Where(e => e.PlaybookId == id).Select(e => e.Id);
        var steps = await db.EnrolmentSteps.Where(s => enrolments.Contains(s.EnrolmentId))
            .GroupBy(s => new { s.StepIndex, s.Kind }).Select(g => new StepCount(g.Key.StepIndex, g.Key.Kind, g.Count()))
            .ToListAsync(cancellationToken);
        var messages = db.OutboundMessages.Where(m => m.Source == MessageSource.Playbook && enrolments.Contains(m.SourceId!.Value));
        var enqueued = await messages.CountAsync(cancellationToken);
        var responded = await messages.CountAsync(m => m.RespondedAt != null, cancellationToken);
        return new PlaybookStats(id, counts, [.. steps.OrderBy(s => s.Index)], enqueued, responded, steps.Where(s => s.Kind == StepKind.CreateTask).Sum(s => s.Executed));
    }

    internal static bool IsShipped(string code) => ShippedPlaybooks.All.Any(s => s.Code == code);

    private static PlaybookView View(Playbook p)
    {
        var (definition, errors) = PlaybookJson.Read(p);
        var problems = definition is null ? errors : PlaybookDefinitions.Validate(definition);
        return new PlaybookView(p.Id, p.Code, p.Name, p.Description, p.Enabled, definition?.Trigger, definition?.Conditions, definition?.Steps ?? [],
            definition?.ExitRules ?? new PlaybookExitRules(), p.Version, p.UpdatedAt, p.UpdatedBy, IsShipped(p.Code), problems);
    }

    private static async Task<Dictionary<long, EnrolmentCounts>> CountsAsync(CrmDbContext db, long? id, CancellationToken cancellationToken)
    {
        var rows = await db.Enrolments.Where(e => id == null || e.PlaybookId == id)
            .GroupBy(e => new { e.PlaybookId, e.Status }).Select(g => new { g.Key.PlaybookId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PlaybookId).ToDictionary(g => g.Key, g => new EnrolmentCounts(
            g.Where(r => r.Status == EnrolmentStatus.Active).Sum(r => r.Count),
            g.Where(r => r.Status == EnrolmentStatus.Completed).Sum(r => r.Count),
            g.Where(r => r.Status == EnrolmentStatus.Exited).Sum(r => r.Count),
            g.Where(r => r.Status == EnrolmentStatus.Failed).Sum(r => r.Count)));
    }
}
