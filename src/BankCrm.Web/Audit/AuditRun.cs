using BankCrm.Core.Audit;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;

namespace BankCrm.Web.Audit;

/// <summary>A chain check as the CLI, the API and the auditor page run it: verify, then record that it ran and what it found.</summary>
public static class AuditRun
{
    public static readonly Actor CommandLineActor = new("system", "cli:audit-verify", [StaffRole.Auditor], BranchId: null);

    public static async Task<AuditVerification> VerifyAsync(AuditVerifier verifier, AuditTrail trail, Actor actor, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(trail);
        var outcome = await verifier.VerifyAsync(progress, cancellationToken);
        await trail.RecordAsync(
            AuditRecord.By(actor, AuditActions.AuditVerified) with
            {
                Detail = AuditDetail.Of(new { intact = outcome.Intact, entries = outcome.Count, lastHash = outcome.LastHash, brokenAt = outcome.BrokenAtId, reason = outcome.Reason }),
            },
            CancellationToken.None);
        return outcome;
    }

    public static string Describe(AuditVerification outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Intact
            ? $"audit log intact: {outcome.Count} entries, last hash {outcome.LastHash}"
            : $"audit log broken at entry #{outcome.BrokenAtId}: {outcome.Reason}";
    }
}
