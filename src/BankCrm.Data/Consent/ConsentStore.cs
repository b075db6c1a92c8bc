using BankCrm.Core.Audit;
using BankCrm.Core.Consent;
using BankCrm.Data.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Consent;

/// <summary>Reads and appends a customer's consent records, within the actor's customer scope.</summary>
public sealed class ConsentStore(CrmDbContext db, TimeProvider time, AuditTrail audit)
{
    public const int MaxNoteLength = 500;

    /// <summary>Current state and history, or null when the customer is outside the actor's scope.</summary>
    public async Task<CustomerConsents?> GetAsync(Actor actor, long customerId, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(records.Select(r => r.RecordedBy).Distinct().ToList(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var current = ConsentPolicy.AllSubjects.Select(s => Status(s.Purpose, s.Channel, ConsentPolicy.Current(records, s.Purpose, s.Channel, now))).ToList();
        var history = records.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Select(r => Line(r, names)).ToList();
        return new CustomerConsents(current, history);
    }

    public async Task<ConsentOutcome> RecordAsync(Actor actor, long customerId, RecordConsent request, CancellationToken cancellationToken = default)
    {
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return new ConsentOutcome.NotFound();
        }

        if (!ConsentRecorders.MayRecord(actor))
        {
            return new ConsentOutcome.Forbidden();
        }

        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var record = request.Granted
            ? ConsentRecord.Grant(customerId, request.Purpose, request.Channel, request.Source, now, actor.UserId, request.EvidenceNote)
            : ConsentRecord.Withdraw(customerId, request.Purpose, request.Channel, request.Source, now, actor.UserId, request.EvidenceNote);

        // PIPL Art. 14-15 asks the bank to prove every grant and withdrawal; the audit log is that proof, and it commits
        // with the record. A profiling withdrawal (Art. 15, 24) takes what profiling stored about the customer in the same
        // transaction: nothing profiled outlives the consent, not even until the next run.
        await using var append = await audit.BeginAsync(db, cancellationToken);
        db.ConsentRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var deleted = request is { Purpose: ConsentPurpose.Profiling, Granted: false }
            ? await ProfilingRows.DeleteAsync(db, [customerId], cancellationToken)
            : null;
        await append.AppendAsync(
            AuditRecord.By(actor, AuditActions.ConsentRecorded) with
            {
                CustomerId = customerId,
                Fields = request.Channel is { } channel ? $"{request.Purpose}:{channel}" : request.Purpose.ToString(),
                Detail = deleted is null
                    ? AuditDetail.Of(new { granted = request.Granted, source = request.Source.ToString() })
                    : AuditDetail.Of(new { granted = request.Granted, source = request.Source.ToString(), profilingDeleted = deleted }),
            },
            cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new ConsentOutcome.Recorded(Line(record, new Dictionary<string, string> { [actor.UserId] = actor.UserName }));
    }

    private static ConsentOutcome.Invalid? Validate(RecordConsent request)
    {
        if (!Enum.IsDefined(request.Purpose))
        {
            return new ConsentOutcome.Invalid("purpose", "同意事项无效");
        }

        if (!ConsentPolicy.IsValidChannel(request.Purpose, request.Channel))
        {
            return new ConsentOutcome.Invalid("channel", request.Purpose == ConsentPurpose.Marketing ? "营销同意须选择渠道" : "该同意事项不分渠道，请勿填写渠道");
        }

        if (!Enum.IsDefined(request.Source))
        {
            return new ConsentOutcome.Invalid("source", "请选择同意来源");
        }

        return request.EvidenceNote is { Length: > MaxNoteLength }
            ? new ConsentOutcome.Invalid("evidenceNote", $"凭证说明不能超过 {MaxNoteLength} 个字")
            : null;
    }

    private async Task<Dictionary<string, string>> StaffNamesAsync(List<string> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);

    private static ConsentStatus Status(ConsentPurpose purpose, ContactChannel? channel, ConsentRecord? latest) => latest is null
        ? new ConsentStatus(purpose, channel, ConsentState.NeverAsked, null, null)
        : new ConsentStatus(purpose, channel, latest.Granted ? ConsentState.Granted : ConsentState.Withdrawn, latest.RecordedAt, latest.Source);

    // Generated and imported records name a system ("demo-bank", "import") rather than a staff id.
    private static ConsentHistoryLine Line(ConsentRecord r, IReadOnlyDictionary<string, string> names) =>
        new(r.Id, r.Purpose, r.Channel, r.Granted, r.Source, r.RecordedAt, names.GetValueOrDefault(r.RecordedBy, r.RecordedBy), r.EvidenceNote);
}
