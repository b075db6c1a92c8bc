using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Segments;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Consent;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Segmentation.Segments;

/// <summary>
/// Saved segments: a user sees the ones they own and the ones shared with them or one of their roles (admins see
/// all); members are always counted inside the data scope of the person asking.
/// </summary>
public sealed class SegmentStore(CrmDbContextFactory factory, TimeProvider time)
{
    public async Task<IReadOnlyList<SegmentListItem>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await Visible(db, actor).OrderByDescending(s => s.UpdatedAt)
            .Select(s => new SegmentListItem(s.Id, s.Name, s.Description, s.OwnerName, s.OwnerId == actor.UserId, s.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<SegmentView?> FindAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var segment = await Visible(db, actor).Include(s => s.Shares).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return segment is null ? null : SegmentView.From(segment, actor.UserId);
    }

    public async Task<SegmentOutcome> SaveAsync(Actor actor, long? id, SegmentInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 50)
        {
            errors.Add(new FieldError("name", "length", "客群名称必填，最长 50 个字"));
        }

        if ((input.Description?.Length ?? 0) > 1000)
        {
            errors.Add(new FieldError("description", "length", "说明最长 1000 个字"));
        }

        var (rule, ruleErrors) = RuleJson.ReadValid(input.Rule, RuleUse.Segment);
        errors.AddRange(ruleErrors);
        var shares = (input.SharedWith ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Principal)).DistinctBy(s => (s.Kind, s.Principal)).ToList();
        foreach (var role in shares.Where(s => s.Kind == ShareKind.Role && !StaffRole.All.Contains(s.Principal)))
        {
            errors.Add(new FieldError("sharedWith", "role", $"「{role.Principal}」不是角色"));
        }

        if (errors.Count > 0)
        {
            return new SegmentOutcome.Invalid(errors);
        }

        await using var db = factory.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        Segment? segment;
        if (id is null)
        {
            segment = new Segment { OwnerId = actor.UserId, OwnerName = actor.UserName, CreatedAt = now };
            db.Segments.Add(segment);
        }
        else
        {
            segment = await Visible(db, actor).Include(s => s.Shares).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (segment is null)
            {
                return new SegmentOutcome.NotFound();
            }

            if (segment.OwnerId != actor.UserId && !actor.IsInRole(StaffRole.Admin))
            {
                return new SegmentOutcome.NotOwner();
            }
        }

        segment.Name = name;
        segment.Description = input.Description?.Trim() ?? string.Empty;
        segment.Rule = RuleJson.Write(rule!);
        segment.UpdatedAt = now;
        segment.Shares.Clear();
        segment.Shares.AddRange(shares.Select(s => new SegmentShare { Kind = s.Kind, Principal = s.Principal.Trim() }));
        await db.SaveChangesAsync(cancellationToken);
        return new SegmentOutcome.Saved(SegmentView.From(segment, actor.UserId));
    }

    /// <summary>Members of a saved segment in the caller's scope, or null when the caller may not see the segment.</summary>
    public async Task<int?> CountAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var members = await MembersQueryAsync(db, actor, id, cancellationToken);
        return members is null ? null : await members.CountAsync(cancellationToken);
    }

    public async Task<PagedResult<SegmentMember>?> MembersAsync(Actor actor, long id, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var members = await MembersQueryAsync(db, actor, id, cancellationToken);
        if (members is null)
        {
            return null;
        }

        page = PagedResult<SegmentMember>.ClampPage(page);
        pageSize = PagedResult<SegmentMember>.ClampPageSize(pageSize);
        var total = await members.CountAsync(cancellationToken);
        var rows = await members.OrderBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.CustomerNumber, c.Name }).ToListAsync(cancellationToken);
        return new PagedResult<SegmentMember>([.. rows.Select(r => new SegmentMember(r.Id, r.CustomerNumber, Masking.Name(r.Name)))], total, page, pageSize);
    }

    /// <summary>The customers of a segment visible to the caller, for exports (streamed by the caller), or null.</summary>
    public async Task<IQueryable<Customer>?> MembersQueryAsync(CrmDbContext db, Actor actor, long id, CancellationToken cancellationToken)
    {
        var segment = await Visible(db, actor).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (segment is null)
        {
            return null;
        }

        var (rule, _) = RuleJson.ReadValid(segment.Rule, RuleUse.Segment);
        if (rule is null)
        {
            return db.Customers.Where(c => false);
        }

        var filter = new CustomerRuleFilter(db);
        var context = await filter.ContextAsync(ChinaTime.Today(time), cancellationToken);
        // A segment sorts customers by what the bank knows of them: a profile, so only customers who may be profiled.
        return filter.Apply(db.Customers.VisibleTo(actor).MayBeProfiled(db, time.GetUtcNow().UtcDateTime), rule, context);
    }

    private static IQueryable<Segment> Visible(CrmDbContext db, Actor actor)
    {
        if (actor.IsInRole(StaffRole.Admin))
        {
            return db.Segments;
        }

        var roles = actor.Roles.ToList();
        return db.Segments.Where(s => s.OwnerId == actor.UserId
            || s.Shares.Any(x => (x.Kind == ShareKind.User && x.Principal == actor.UserId) || (x.Kind == ShareKind.Role && roles.Contains(x.Principal))));
    }
}
