using BankCrm.Core.Audit;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;

namespace BankCrm.Web.Audit;

/// <summary>
/// Changes to a member of staff's own credentials (password, TOTP enrolment): who, when, from where; never the
/// password, the key or a recovery code.
/// </summary>
public static class CredentialAudit
{
    public static Task RecordAsync(this AuditTrail trail, StaffUser user, string action, object? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return trail.RecordAsync(
            new AuditRecord(action, user.Id, user.UserName ?? user.Id) { Detail = detail is null ? null : AuditDetail.Of(detail) },
            cancellationToken);
    }
}
