using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Security;

/// <summary>
/// Length 8–128 and not a well-known password (checklist A2–A4); no composition rules, and the password is
/// compared as typed apart from case, because "Password" is as guessable as "password".
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MaximumLength = 128;

    // The most common passwords of Chinese and international leak lists, plus the product's own name.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456", "12345678", "123456789", "1234567890", "11111111", "00000000", "88888888", "66666666", "12341234",
        "password", "password1", "password123", "passw0rd", "p@ssw0rd", "qwertyuiop", "qwerty123", "1qaz2wsx", "1q2w3e4r",
        "a1234567", "aa123456", "aa12345678", "abc12345", "abcd1234", "a123456789", "qq123456", "iloveyou", "woaini1314",
        "woaini520", "5201314520", "1314520520", "zxcvbnm123", "admin123", "admin@123", "welcome1", "bankcrm", "bankcrm123",
        "bankcrm2025", "bankcrm2026", "bankcrm@123", "changeme", "letmein1", "sunshine", "princess1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is { Length: > MaximumLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"密码最长 {MaximumLength} 位" }));
        }

        var isCommon = password is not null && (Common.Contains(password) ||
            (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase) && password.Length < name.Length + 6));
        return Task.FromResult(isCommon
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "密码过于常见，请换一个不易猜到的密码" })
            : IdentityResult.Success);
    }
}
