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

        // The typed name is attacker-controlled: one line, within the column, and nothing PostgreSQL refuses (NUL, half a
        // surrogate pair), or the entry — and every entry committed with it — would fail.
        var name = Printable(userName.Trim().ReplaceLineEndings(" "));
        if (name.Length > 256)
        {
            name = name[..(char.IsHighSurrogate(name[255]) ? 255 : 256)];
        }

        return trail.RecordAsync(new AuditRecord(action, userId, name) { Detail = AuditDetail.Of(new { channel }) }, cancellationToken);
    }

    private static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length;)
        {
            var valid = System.Text.Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) == System.Buffers.OperationStatus.Done && !System.Text.Rune.IsControl(rune);
            builder.Append(valid ? rune : System.Text.Rune.ReplacementChar);
            i += Math.Max(consumed, 1);
        }

        return builder.ToString();
    }
}
