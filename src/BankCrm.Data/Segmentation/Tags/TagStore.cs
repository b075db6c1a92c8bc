using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Audit;
using BankCrm.Data.Consent;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>Tag definitions, live counts for the editor, and the tags on one customer (manual ones set and removed here).</summary>
public sealed class TagStore(CrmDbContextFactory factory, TimeProvider time, AuditTrail audit)
{
    public const int MaxNameLength = 20;

    public async Task<IReadOnlyList<TagListItem>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var visible = db.Customers.VisibleTo(actor).Select(c => c.Id);
        var counts = await db.CustomerTags.Where(t => visible.Contains(t.CustomerId))
            .GroupBy(t => t.TagId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var tags = await db.TagDefinitions.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return [.. tags.Select(t => new TagListItem(t.Id, t.Name, t.Description, t.Kind, t.StarterCode is not null, counts.GetValueOrDefault(t.Id), t.RefreshedAt, t.UpdatedAt, t.UpdatedBy))];
    }

    public async Task<TagDefinition?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.TagDefinitions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    /// <summary>How many customers in the caller's scope match a rule now (the live count of the editors).</summary>
    public async Task<(int? Count, IReadOnlyList<FieldError> Errors)> CountAsync(Actor actor, string? ruleJson, RuleUse use, CancellationToken cancellationToken)
    {
        var (rule, errors) = RuleJson.ReadValid(ruleJson, use);
        if (rule is null)
        {
            return (null, errors);
        }

        await using var db = factory.CreateDbContext();
        var filter = new CustomerRuleFilter(db);
        var context = await filter.ContextAsync(ChinaTime.Today(time), cancellationToken);
        var customers = db.Customers.VisibleTo(actor).MayBeProfiled(db, time.GetUtcNow().UtcDateTime);
        return (await filter.Apply(customers, rule, context).CountAsync(cancellationToken), []);
    }

    /// <summary>Creates (id null) or updates a tag definition; a rule tag's members are refreshed by the caller or the nightly run.</summary>
    public async Task<TagSaveResult> SaveAsync(Actor actor, long? id, TagInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(new FieldError("name", "length", $"标签名称必填，最长 {MaxNameLength} 个字"));
        }

        if ((input.Description?.Length ?? 0) > 500)
        {
            errors.Add(new FieldError("description", "length", "说明最长 500 个字"));
        }

        string? rule = null;
        if (input.Kind == TagKind.Rule)
        {
            var (parsed, ruleErrors) = RuleJson.ReadValid(input.Rule, RuleUse.Tag);
            errors.AddRange(ruleErrors);
            rule = parsed is null ? null : RuleJson.Write(parsed);
        }

        await using var db = factory.CreateDbContext();
        if (name.Length > 0 && await db.TagDefinitions.AnyAsync(t => t.Name == name && t.Id != (id ?? 0), cancellationToken))
        {
            errors.Add(new FieldError("name", "unique", $"已有名为「{name}」的标签"));
        }

        if (errors.Count > 0)
        {
            return new TagSaveResult(null, errors);
        }

        var tag = id is null ? new TagDefinition() : await db.TagDefinitions.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tag is null)
        {
            return new TagSaveResult(null, [new FieldError("id", "not-found", "标签不存在")]);
        }

        if (id is not null && tag.Kind != input.Kind)
        {
            return new TagSaveResult(null, [new FieldError("kind", "immutable", "标签类型（规则/手工）创建后不能修改")]);
        }

        tag.Name = name;
        tag.Description = input.Description?.Trim() ?? string.Empty;
        tag.Kind = input.Kind;
        tag.Rule = rule;
        tag.UpdatedAt = time.GetUtcNow().UtcDateTime;
        tag.UpdatedBy = actor.UserName;
        if (id is null)
        {
            db.TagDefinitions.Add(tag);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new TagSaveResult(tag, []);
    }

    /// <summary>The tags of a customer in the caller's scope (null when out of scope), rule tags first.</summary>
    public async Task<IReadOnlyList<CustomerTagLine>?> ForCustomerAsync(Actor actor, long customerId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        return await (
            from t in db.CustomerTags
            join d in db.TagDefinitions on t.TagId equals d.Id
            join u in db.Users on t.SetBy equals u.Id into setters
            from u in setters.DefaultIfEmpty()
            where t.CustomerId == customerId
            orderby t.Source, d.Name
            select new CustomerTagLine(d.Id, d.Name, d.Description, t.Source, u == null ? t.SetBy : u.DisplayName, t.Since))
            .ToListAsync(cancellationToken);
    }

    public Task<ManualTagOutcome> SetManualAsync(Actor actor, long customerId, long tagId, CancellationToken cancellationToken) =>
        ChangeManualAsync(actor, customerId, tagId, set: true, cancellationToken);

    public Task<ManualTagOutcome> RemoveManualAsync(Actor actor, long customerId, long tagId, CancellationToken cancellationToken) =>
        ChangeManualAsync(actor, customerId, tagId, set: false, cancellationToken);

    private async Task<ManualTagOutcome> ChangeManualAsync(Actor actor, long customerId, long tagId, bool set, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return ManualTagOutcome.CustomerNotFound;
        }

        var tag = await db.TagDefinitions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tagId, cancellationToken);
        if (tag is null)
        {
            return ManualTagOutcome.NotFound;
        }

        if (tag.Kind != TagKind.Manual)
        {
            return ManualTagOutcome.NotManual;
        }

        var existing = await db.CustomerTags.SingleOrDefaultAsync(t => t.TagId == tagId && t.CustomerId == customerId, cancellationToken);
        if (set == (existing is not null))
        {
            return ManualTagOutcome.Done;
        }

        // The change and its audit entry commit together: a manual tag nobody can account for must not exist.
        await using var append = await audit.BeginAsync(db, cancellationToken);
        if (set)
        {
            db.CustomerTags.Add(new CustomerTag { CustomerId = customerId, TagId = tagId, Source = TagSource.Manual, Since = ChinaTime.Today(time), SetBy = actor.UserId });
        }
        else
        {
            db.CustomerTags.Remove(existing!);
        }

        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, set ? AuditActions.CustomerTagSet : AuditActions.CustomerTagRemoved) with
        {
            CustomerId = customerId,
            Detail = $"标签「{tag.Name}」(#{tag.Id})",
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return ManualTagOutcome.Done;
    }
}
