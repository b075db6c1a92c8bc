using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Outreach;

/// <summary>A customer's channel ranking (渠道偏好) for the 360 page and the API, scoped like every customer read.</summary>
public sealed class ChannelPreferenceStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    /// <summary>Null when the customer is outside the actor's scope.</summary>
    public async Task<CustomerChannelPreferences?> GetAsync(Actor actor, long customerId, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).Where(c => c.Id == customerId)
            .Select(c => new { c.Type, c.BirthDate }).SingleOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.ChannelPreferences.AsNoTracking().Where(p => p.CustomerId == customerId).ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customerId && r.Purpose == ConsentPurpose.Marketing).ToListAsync(cancellationToken);
        var ranked = ChannelPreferences.Ranked(stored, customer.Type, customer.BirthDate, ChinaTime.Today(time));
        var lines = ranked.Select((s, i) => new ChannelPreferenceLine(
            i + 1, s.Channel, s.Score, s.Source, stored.FirstOrDefault(p => p.Channel == s.Channel)?.UpdatedAt,
            ConsentPolicy.MayContact(consents, ConsentPurpose.Marketing, s.Channel, now)));
        return new CustomerChannelPreferences(customerId, [.. lines], ChannelPreferenceEditors.MayEdit(actor));
    }

    /// <summary>Sets the scores staff were told (source 员工设置); learning leaves them alone from then on.</summary>
    public async Task<OutreachOutcome> SetAsync(Actor actor, long customerId, IReadOnlyList<ChannelScoreInput> scores, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return new OutreachOutcome.NotFound();
        }

        if (!ChannelPreferenceEditors.MayEdit(actor))
        {
            return new OutreachOutcome.Forbidden("只有客户经理和网点负责人可以设置客户的渠道偏好");
        }

        if (Validate(scores) is { Count: > 0 } errors)
        {
            return new OutreachOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.ChannelPreferences.Where(p => p.CustomerId == customerId).ToListAsync(cancellationToken);
        var changes = new List<object>();
        foreach (var input in scores)
        {
            var channel = input.Channel!.Value;
            var row = stored.FirstOrDefault(p => p.Channel == channel);
            if (row is null)
            {
                row = new ChannelPreference { CustomerId = customerId, Channel = channel };
                db.ChannelPreferences.Add(row);
            }

            changes.Add(new { channel = channel.ToString(), from = row.Score, fromSource = row.Source.ToString(), to = input.Score!.Value });
            row.Score = input.Score.Value;
            row.Source = PreferenceSource.Staff;
            row.UpdatedAt = now;
        }

        await using var append = await audit.BeginAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(AuditRecord.By(actor, AuditActions.ChannelPreferenceSet) with
        {
            CustomerId = customerId,
            Fields = string.Join(",", scores.Select(s => s.Channel)),
            Detail = AuditDetail.Of(changes),
        }, cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new OutreachOutcome.Done();
    }

    private static List<FieldError> Validate(IReadOnlyList<ChannelScoreInput> scores)
    {
        var errors = new List<FieldError>();
        if (scores.Count == 0)
        {
            errors.Add(new FieldError("preferences", "required", "请至少设置一个渠道的分数"));
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i].Channel is not { } channel || !Enum.IsDefined(channel))
            {
                errors.Add(new FieldError($"preferences[{i}].channel", "invalid", "请选择有效的渠道"));
            }
            else if (scores.Take(i).Any(s => s.Channel == channel))
            {
                errors.Add(new FieldError($"preferences[{i}].channel", "duplicate", "同一渠道只能出现一次"));
            }

            if (scores[i].Score is not (>= 0 and <= ChannelPreferences.MaxScore))
            {
                errors.Add(new FieldError($"preferences[{i}].score", "range", $"分数须在 0 到 {ChannelPreferences.MaxScore} 之间"));
            }
        }

        return errors;
    }
}
