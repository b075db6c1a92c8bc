using System.Data.Common;
using BankCrm.Core.Segmentation.Tags;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>
/// Refreshes rule tags set-based, one tag per transaction: one DELETE of the rows whose customers no longer match
/// and one INSERT … SELECT of the customers that match and do not carry the tag yet, so customers that still match
/// keep their <see cref="CustomerTag.Since"/>. Both statements use the SQL EF Core generates from the rule.
/// </summary>
public sealed class TagRefresher(CrmDbContextFactory factory, TimeProvider time, ILogger<TagRefresher>? logger = null) : ITagRefresher
{
    private readonly ILogger logger = logger ?? NullLogger<TagRefresher>.Instance;

    public async Task<int> RefreshAllAsync(DateOnly asOf, CancellationToken ct)
    {
        List<long> ids;
        await using (var db = factory.CreateDbContext())
        {
            ids = await db.TagDefinitions.Where(t => t.Kind == TagKind.Rule).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        }

        var refreshed = 0;
        foreach (var id in ids)
        {
            if (await RefreshAsync(id, asOf, ct) is not null)
            {
                refreshed++;
            }
        }

        return refreshed;
    }

    /// <summary>Refreshes one rule tag; the number of customers carrying it afterwards, or null when its rule is not valid.</summary>
    public async Task<int?> RefreshAsync(long tagId, DateOnly asOf, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var tag = await db.TagDefinitions.SingleOrDefaultAsync(t => t.Id == tagId && t.Kind == TagKind.Rule, ct);
        if (tag is null)
        {
            return null;
        }

        var (rule, errors) = RuleJson.ReadValid(tag.Rule, RuleUse.Tag);
        if (rule is null)
        {
            logger.LogWarning("Tag {TagId} ({Name}) has an invalid rule and was not refreshed: {Errors}", tag.Id, tag.Name, string.Join("; ", errors.Select(e => e.Message)));
            return null;
        }

        var filter = new CustomerRuleFilter(db);
        var context = await filter.ContextAsync(asOf, ct);
        // A rule tag is profiling: only customers who may be profiled carry one, and it leaves those who withdrew.
        var profiled = db.Customers.MayBeProfiled(db, time.GetUtcNow().UtcDateTime);
        var matching = filter.Apply(profiled, rule, context).Select(c => c.Id);

        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.CustomerTags.Where(t => t.TagId == tagId && !matching.Contains(t.CustomerId)).ExecuteDeleteAsync(ct);

        var newcomers = filter.Apply(profiled, rule, context)
            .Where(c => !db.CustomerTags.Any(t => t.TagId == tagId && t.CustomerId == c.Id))
            .Select(c => c.Id);
        await using (var insert = newcomers.CreateDbCommand())
        {
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = "INSERT INTO customer_tags (tag_id, customer_id, source, since, set_by) " +
                $"SELECT @refresh_tag_id, m.id, {(int)TagSource.Rule}, @refresh_since, NULL FROM ({insert.CommandText}) AS m";
            Add(insert, "@refresh_tag_id", tagId);
            Add(insert, "@refresh_since", asOf);
            await insert.ExecuteNonQueryAsync(ct);
        }

        tag.CustomerCount = await db.CustomerTags.CountAsync(t => t.TagId == tagId, ct);
        tag.RefreshedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return tag.CustomerCount;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
