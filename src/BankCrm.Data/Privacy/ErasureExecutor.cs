using System.Data.Common;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Data.Audit;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Privacy;

public sealed record ErasureResult(ErasurePlan Plan, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Erasure requests (删除, PIPL Art. 47): works out what may go (<see cref="ErasurePolicy"/>) and does it in one
/// transaction with its audit entry, so a failure midway leaves the customer exactly as before.
/// </summary>
public sealed class ErasureExecutor(CrmDbContext db, TimeProvider time, AuditTrail audit, PrivacyRequestStore requests, PrivacyOptions options)
{
    private static readonly string[] ContactFields =
        [nameof(Customer.Email), nameof(Customer.Province), nameof(Customer.City), nameof(Customer.District), nameof(Customer.AddressLine)];

    private static readonly string[] IdentityFields =
        [nameof(Customer.Name), nameof(Customer.IdNumber), nameof(Customer.BirthDate), nameof(Customer.Gender), nameof(Customer.Occupation), nameof(Customer.LegalRepresentative)];

    public async Task<PrivacyResult<ErasurePlan>> PreviewAsync(Actor actor, long requestId, CancellationToken cancellationToken = default)
    {
        var found = await requests.FindAsync(actor, requestId, tracked: false, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var (request, customer) = found.Value!;
        return request.Kind != RequestKind.Erasure
            ? new PrivacyProblem(PrivacyFailure.Invalid, "只有删除请求可以执行删除", "kind")
            : PrivacyResult<ErasurePlan>.Ok(await PlanAsync(customer, cancellationToken));
    }

    public async Task<PrivacyResult<ErasureResult>> ExecuteAsync(Actor actor, long requestId, CancellationToken cancellationToken = default)
    {
        if (!PermissionMatrix.Allows(actor.Roles, Permissions.PrivacyApprove))
        {
            return new PrivacyProblem(PrivacyFailure.Forbidden, "只有合规人员可以执行删除");
        }

        var found = await requests.FindAsync(actor, requestId, tracked: true, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var (request, customer) = found.Value!;
        if (request.Kind != RequestKind.Erasure)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, "只有删除请求可以执行删除", "kind");
        }

        if (!request.IsOpen)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, $"请求{DataSubjectRequest.Label(request.Status)}，不能再执行删除", "status");
        }

        var plan = await PlanAsync(customer, cancellationToken);
        try
        {
            return PrivacyResult<ErasureResult>.Ok(await EraseAsync(actor, request, customer, plan, cancellationToken));
        }
        catch (Exception failure) when (failure is DbException or DbUpdateException or InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            return new PrivacyProblem(PrivacyFailure.Failed, $"删除未完成，已全部回滚，客户数据未做任何更改：{failure.GetBaseException().Message}");
        }
    }

    private async Task<ErasureResult> EraseAsync(Actor actor, DataSubjectRequest request, Customer customer, ErasurePlan plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var id = customer.Id;
        var full = plan.Mode == ErasureMode.Full;
        var eraseMobile = plan.Erased.Any(i => i.Code == "mobile");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        await using var append = await audit.BeginAsync(db, cancellationToken);
        counts["contactPoints"] = await db.ContactPoints.Where(c => c.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
        counts["scores"] = await db.CustomerScores.Where(s => s.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
        counts["needs"] = await db.CustomerNeeds.Where(n => n.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
        counts["tags"] = await db.CustomerTags.Where(t => t.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
        counts["appEvents"] = await db.AppEvents.Where(e => e.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
        counts["interactions"] = await db.Interactions.Where(i => i.CustomerId == id).ExecuteUpdateAsync(
            set => set.SetProperty(i => i.Summary, Customer.Erased).SetProperty(i => i.Outcome, (string?)null).SetProperty(i => i.NextStep, (string?)null),
            cancellationToken);
        await EngagementErasure.EraseAsync(db, id, now, counts, cancellationToken);
        if (full)
        {
            counts["identityDocuments"] = await db.IdentityDocuments.Where(d => d.CustomerId == id).ExecuteDeleteAsync(cancellationToken);
            counts["relationships"] = await db.CustomerRelationships.Where(r => r.CustomerId == id || r.RelatedCustomerId == id).ExecuteDeleteAsync(cancellationToken);
        }

        // The change history must not keep what was erased: its earlier values of those fields go too.
        string[] erasedFields = [.. ContactFields, .. eraseMobile ? [nameof(Customer.Mobile)] : Array.Empty<string>(), .. full ? IdentityFields : []];
        counts["historyRedacted"] = await db.CustomerChanges.Where(c => c.CustomerId == id && erasedFields.Contains(c.Field)).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.OldValue, c => c.OldValue == null ? null : Customer.Erased).SetProperty(c => c.NewValue, c => c.NewValue == null ? null : Customer.Erased),
            cancellationToken);

        counts["consentsWithdrawn"] = await WithdrawConsentsAsync(request, actor, now, cancellationToken);
        var changes = full
            ? customer.Anonymise(ErasurePolicy.AnonymousName(id), actor.UserName, now)
            : customer.EraseContactData(eraseMobile, actor.UserName, now);
        db.CustomerChanges.AddRange(changes);

        if (request.Status == RequestStatus.Received)
        {
            request.MoveTo(RequestStatus.InProgress, null, actor, now);
        }

        request.RecordOutcome(AuditDetail.Of(new { plan.Mode, plan.Basis, plan.RetainUntil, erased = plan.Erased.Select(e => e.Label), retained = plan.Retained.Select(r => new { r.Label, r.Reason }), counts }));
        request.MoveTo(RequestStatus.Completed, full ? "已匿名化" : "已删除可删除的个人信息，依法须保存的资料已保留", actor, now);
        await db.SaveChangesAsync(cancellationToken);
        await append.AppendAsync(PrivacyRequestStore.Entry(actor, AuditActions.PrivacyErasureExecuted, request, new { mode = plan.Mode.ToString(), plan.RetainUntil, fields = changes.Select(c => c.Field), counts }), cancellationToken);
        await append.CommitAsync(cancellationToken);
        return new ErasureResult(plan, counts);
    }

    private async Task<int> WithdrawConsentsAsync(DataSubjectRequest request, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var records = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == request.CustomerId).ToListAsync(cancellationToken);
        var source = request.Channel switch
        {
            RequestChannel.Branch => ConsentSource.Branch,
            RequestChannel.App => ConsentSource.App,
            RequestChannel.Online => ConsentSource.Online,
            _ => ConsentSource.Rm,
        };
        var withdrawn = 0;
        foreach (var (purpose, channel) in ConsentPolicy.AllSubjects)
        {
            if (ConsentPolicy.Current(records, purpose, channel, now) is { Granted: true })
            {
                db.ConsentRecords.Add(ConsentRecord.Withdraw(request.CustomerId, purpose, channel, source, now, actor.UserId, $"个人信息删除请求 #{request.Id}"));
                withdrawn++;
            }
        }

        return withdrawn;
    }

    private async Task<ErasurePlan> PlanAsync(Customer customer, CancellationToken cancellationToken)
    {
        var hasOpenAccounts = await db.Accounts.AnyAsync(a => a.CustomerId == customer.Id && a.Status != AccountStatus.Closed, cancellationToken);
        var lastTransaction = await db.Transactions.Where(t => t.CustomerId == customer.Id).MaxAsync(t => (DateTime?)t.OccurredAt, cancellationToken);

        // Accounts carry no closing date: the relationship is taken to end with the last transaction (or the day the
        // record was created, for a customer who never transacted).
        var endedOn = DateOnly.FromDateTime(ChinaTime.FromUtc(lastTransaction ?? customer.CreatedAt));
        return ErasurePolicy.Plan(new ErasureFacts(hasOpenAccounts, endedOn, ChinaTime.Today(time), options.RetentionYears));
    }
}
