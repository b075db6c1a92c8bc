using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>
/// The suppression list (免打扰名单): customers the bank must not contact, on one channel or all, until a date or
/// until removed. Removing ends an entry now rather than deleting it, so the list keeps when a customer was suppressed.
/// Every change commits with its audit entry.
/// </summary>
public sealed class SuppressionStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public const int MaxReasonLength = 500;

    public async Task<PagedResult<SuppressionLine>> ListAsync(Actor actor, bool activeOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = PagedResult<SuppressionLine>.ClampPage(page);
        pageSize = PagedResult<SuppressionLine>.ClampPageSize(pageSize);
        var now = Now();
        var query = from s in db.SuppressionEntries.AsNoTracking()
                    join c in db.Customers.VisibleTo(actor) on s.CustomerId equals c.Id
                    select new { s, c.CustomerNumber, c.Name };
        if (activeOnly)
        {
            query = query.Where(x => x.s.Until == null || x.s.Until > now);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.s.AddedAt).ThenByDescending(x => x.s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var staffIds = rows.Select(r => r.s.AddedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new PagedResult<SuppressionLine>(
            [.. rows.Select(r => new SuppressionLine(r.s.Id, r.s.CustomerId, r.CustomerNumber, actor.NameAsSeen(r.Name), r.s.Channel, r.s.Reason, r.s.AddedAt,
                names.GetValueOrDefault(r.s.AddedBy, r.s.AddedBy), r.s.Until, r.s.Until is null || r.s.Until > now))],
            total, page, pageSize);
    }

    public async Task<OutreachOutcome> AddAsync(Actor actor, AddSuppression request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reason = TextNormalizer.Clean(request.Reason).Trim();
        if (reason.Length == 0)
        {
            errors.Add(new FieldError("reason", "required", "请填写加入免打扰名单的原因"));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", "max_length", $"原因不能超过 {MaxReasonLength} 个字"));
        }

        if (request.Channel is { } channel && !Enum.IsDefined(channel))
        {
            errors.Add(new FieldError("channel", "invalid", "渠道无效"));
        }

        var now = Now();
        if (request.Until is { } until && until < DateOnly.FromDateTime(ChinaTime.FromUtc(now)))
        {
            errors.Add(new FieldError("until", "in_past", "截止日期不能早于今天"));
        }

        var customer = request.CustomerId is { } id
            ? await db.Customers.VisibleTo(actor).Where(c => c.Id == id).Select(c => new { c.Id, c.CustomerNumber }).SingleOrDefaultAsync(cancellationToken)
            : request.CustomerNumber is { Length: > 0 } number
                ? await db.Customers.VisibleTo(actor).Where(c => c.CustomerNumber == number.Trim()).Select(c => new { c.Id, c.CustomerNumber }).SingleOrDefaultAsync(cancellationToken)
                : null;
        if (customer is null)
        {
            errors.Insert(0, new FieldError(request.CustomerId is null ? "customerNumber" : "customerId", "not_found", "找不到该客户，请核对客户号"));
        }

        if (errors.Count > 0)
        {
            return new OutreachOutcome.Invalid(errors);
        }

        var entry = new SuppressionEntry
        {
            CustomerId = customer!.Id,
            Channel = request.Channel,
            Reason = reason,
            AddedAt = now,
            AddedBy = actor.UserId,

            // "至 12-31" includes the 31st: the entry ends when that China day ends.
            Until = request.Until is { } last ? OutboxQueries.StartOfChinaDay(last.AddDays(1)) : null,
        };
        db.SuppressionEntries.Add(entry);
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.SuppressionAdded) with
        {
            CustomerId = entry.CustomerId,
            Fields = entry.Channel?.ToString() ?? "all",
            Detail = AuditDetail.Of(new { entryId = entry.Id, channel = entry.Channel?.ToString(), reason, until = entry.Until }),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new OutreachOutcome.Done(entry.Id);
    }

    public async Task<OutreachOutcome> RemoveAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        var entry = await db.SuppressionEntries.Where(s => s.Id == id && db.Customers.VisibleTo(actor).Any(c => c.Id == s.CustomerId)).SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return new OutreachOutcome.NotFound();
        }

        var now = Now();
        if (entry.Until is { } until && until <= now)
        {
            return new OutreachOutcome.Conflict("该免打扰记录已经结束");
        }

        entry.Until = now;
        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.SuppressionRemoved) with
        {
            CustomerId = entry.CustomerId,
            Fields = entry.Channel?.ToString() ?? "all",
            Detail = AuditDetail.Of(new { entryId = entry.Id, reason = entry.Reason }),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new OutreachOutcome.Done(entry.Id);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
