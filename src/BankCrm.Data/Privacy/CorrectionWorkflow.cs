using System.Text.Json;
using BankCrm.Core.Audit;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Data.Audit;
using BankCrm.Data.Customers;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Privacy;

/// <summary>
/// Correction requests (更正, PIPL Art. 46): staff propose field changes, checked with the customer rules at once; a
/// compliance officer other than the proposer applies them through <see cref="CustomerStore"/> (validation, duplicate
/// check, version check, change history) or rejects them with a reason.
/// </summary>
public sealed class CorrectionWorkflow(CrmDbContext db, TimeProvider time, AuditTrail audit, PrivacyRequestStore requests, CustomerStore customers)
{
    public async Task<PrivacyResult<CorrectionLine>> ProposeAsync(Actor actor, long requestId, IReadOnlyDictionary<string, string?> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes = changes.GroupBy(c => CorrectableFields.Canonical(c.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var found = await requests.FindAsync(actor, requestId, tracked: true, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var (request, customer) = found.Value!;
        if (request.Kind != RequestKind.Correction)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, "只有更正请求可以提出更正", "kind");
        }

        if (!request.IsOpen)
        {
            return new PrivacyProblem(PrivacyFailure.Invalid, $"请求{DataSubjectRequest.Label(request.Status)}，不能再提出更正", "status");
        }

        if (await db.PrivacyCorrections.AnyAsync(c => c.RequestId == requestId && c.State == CorrectionState.Proposed, cancellationToken))
        {
            return new PrivacyProblem(PrivacyFailure.Conflict, "已有一项更正等待核准，请先核准或驳回", "changes");
        }

        if (Check(customer, changes) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (request.Status == RequestStatus.Received)
        {
            // Proposing is handling: whoever proposes takes the request.
            request.MoveTo(RequestStatus.InProgress, "提出更正", actor, now);
        }

        var proposal = new CorrectionProposal
        {
            RequestId = requestId,
            CustomerId = customer.Id,
            Changes = JsonSerializer.Serialize(changes),
            BaseVersion = customer.Version,
            ProposedBy = actor.UserId,
            ProposedByName = actor.UserName,
            ProposedAt = now,
        };
        db.PrivacyCorrections.Add(proposal);
        await requests.SaveWithAuditAsync(actor, AuditActions.PrivacyCorrectionProposed, request, new { fields = changes.Keys, values = Masked(changes) }, cancellationToken);
        return PrivacyResult<CorrectionLine>.Ok(Line(proposal));
    }

    public async Task<PrivacyResult<CorrectionLine>> DecideAsync(Actor actor, long requestId, long proposalId, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        if (!PermissionMatrix.Allows(actor.Roles, Permissions.PrivacyApprove))
        {
            return new PrivacyProblem(PrivacyFailure.Forbidden, "只有合规人员可以核准更正");
        }

        var found = await requests.FindAsync(actor, requestId, tracked: true, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var (request, customer) = found.Value!;
        var proposal = await db.PrivacyCorrections.FirstOrDefaultAsync(c => c.Id == proposalId && c.RequestId == requestId, cancellationToken);
        if (proposal is null)
        {
            return PrivacyProblem.NotFound();
        }

        if (proposal.State != CorrectionState.Proposed)
        {
            return new PrivacyProblem(PrivacyFailure.Conflict, "该更正已处理过", "state");
        }

        if (!proposal.MayBeDecidedBy(actor.UserId))
        {
            return new PrivacyProblem(PrivacyFailure.Forbidden, "提出更正的人不能核准自己的更正（双人复核）");
        }

        var now = time.GetUtcNow().UtcDateTime;
        proposal.DecidedBy = actor.UserId;
        proposal.DecidedByName = actor.UserName;
        proposal.DecidedAt = now;
        proposal.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!approve)
        {
            if (proposal.DecisionNote is null)
            {
                return new PrivacyProblem(PrivacyFailure.Invalid, "驳回更正须说明理由", "note");
            }

            proposal.State = CorrectionState.Rejected;
            await requests.SaveWithAuditAsync(actor, AuditActions.PrivacyCorrectionRejected, request, new { proposalId }, cancellationToken);
            return PrivacyResult<CorrectionLine>.Ok(Line(proposal));
        }

        return await ApplyAsync(actor, request, customer, proposal, now, cancellationToken);
    }

    private async Task<PrivacyResult<CorrectionLine>> ApplyAsync(Actor actor, DataSubjectRequest request, Customer customer, CorrectionProposal proposal, DateTime now, CancellationToken cancellationToken)
    {
        if (customer.Version != proposal.BaseVersion)
        {
            db.ChangeTracker.Clear();
            return new PrivacyProblem(PrivacyFailure.Conflict, "提出更正后客户资料已被修改，请驳回后重新提出", "version");
        }

        var changes = Read(proposal);
        var (profile, _) = CorrectableFields.Apply(customer.ToProfile(), changes);
        proposal.State = CorrectionState.Applied;
        request.MoveTo(RequestStatus.Completed, "已核准并更正", actor, now);

        // CustomerStore saves the tracked proposal and request together with the customer, its change history and its
        // customer.updated audit entry, in one transaction.
        var outcome = await customers.UpdateAsync(actor, customer.Id, profile, customer.Version, cancellationToken);
        switch (outcome)
        {
            case SaveOutcome.Saved { Changes.Count: 0 }:
                await db.SaveChangesAsync(cancellationToken);
                break;
            case SaveOutcome.Saved:
                break;
            case SaveOutcome.Invalid invalid:
                db.ChangeTracker.Clear();
                return new PrivacyProblem(PrivacyFailure.Invalid, string.Join("；", invalid.Errors.Select(e => e.Message)), invalid.Errors[0].Field);
            case SaveOutcome.Duplicate duplicate:
                db.ChangeTracker.Clear();
                return new PrivacyProblem(PrivacyFailure.Conflict, duplicate.Message, "changes");
            default:
                db.ChangeTracker.Clear();
                return new PrivacyProblem(PrivacyFailure.Conflict, "客户资料已被他人修改，请驳回后重新提出", "version");
        }

        await audit.RecordAsync(PrivacyRequestStore.Entry(actor, AuditActions.PrivacyCorrectionApplied, request, new { proposalId = proposal.Id, proposedBy = proposal.ProposedByName, fields = changes.Keys }), cancellationToken);
        return PrivacyResult<CorrectionLine>.Ok(Line(proposal));
    }

    private PrivacyProblem? Check(Customer customer, IReadOnlyDictionary<string, string?> changes)
    {
        var (profile, errors) = CorrectableFields.Apply(customer.ToProfile(), changes);
        if (errors.Count == 0)
        {
            // The same rules as every edit of the record (CustomerStore validates again when the change is applied).
            (_, errors) = CustomerValidator.Validate(profile with { Type = customer.Type }, ChinaTime.Today(time));
        }

        return errors.Count == 0 ? null : new PrivacyProblem(PrivacyFailure.Invalid, string.Join("；", errors.Select(e => e.Message)), errors[0].Field);
    }

    private static Dictionary<string, string?> Read(CorrectionProposal proposal) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(proposal.Changes) ?? [];

    private static Dictionary<string, string?> Masked(IReadOnlyDictionary<string, string?> changes) =>
        changes.ToDictionary(c => c.Key, c => AuditDetail.Mask(c.Key, c.Value));

    internal static CorrectionLine Line(CorrectionProposal p) =>
        new(p.Id, Read(p), p.State, p.ProposedByName, p.ProposedBy, p.ProposedAt, p.DecidedByName, p.DecidedAt, p.DecisionNote);
}
