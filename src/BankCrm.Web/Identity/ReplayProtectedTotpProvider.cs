using System.Globalization;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace BankCrm.Web.Identity;

/// <summary>
/// Replaces Identity's authenticator provider, which accepts timesteps −2…+2 and the same code any number of
/// times (checklist A9, A10). Here a code is valid for its own 30-second step ±1, and only once: the last accepted
/// step is stored per user and a code of that step or an earlier one is refused.
/// </summary>
internal sealed class ReplayProtectedTotpProvider(TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "BankCrmTotp";
    private const string LoginProvider = "[BankCrm]";
    private const string LastStepToken = "LastTotpStep";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) => manager.GetTwoFactorEnabledAsync(user);

    // Codes come from the member of staff's authenticator app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        // The user row's concurrency stamp makes two simultaneous uses of one code fail for one of them.
        var stored = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }
}
