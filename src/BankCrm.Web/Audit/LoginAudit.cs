using BankCrm.Core.Audit;
using BankCrm.Data.Audit;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Audit;

/// <summary>Records every sign-in attempt with the name typed and the client address; never the password.</summary>
public static class LoginAudit
{
    public static Task RecordAsync(this AuditTrail trail, string userName, string? userId, SignInResult result, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var action = result.Succeeded ? AuditActions.LoginSucceeded
            : result.IsLockedOut ? AuditActions.LoginLockedOut
            : AuditActions.LoginFailed;

        // The typed name is attacker-controlled; keep it within the column and one line.
        var name = userName.Trim().ReplaceLineEndings(" ");
        if (name.Length > 256)
        {
            name = name[..256];
        }

        return trail.RecordAsync(new AuditRecord(action, userId, name) { Detail = AuditDetail.Of(new { channel }) }, cancellationToken);
    }
}
