using System.Globalization;
using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Organization;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Identity;

/// <summary>
/// Re-confirmation with a TOTP code before sensitive data is shown (checklist Z5). The time and the stated purpose
/// are claims of this sign-in session, re-issued in the protected cookie; another browser of the same user has
/// not stepped up, and logout (new security stamp) ends it with the session.
/// </summary>
public sealed class StepUp(SignInManager<StaffUser> signIn, SecurityOptions security, TimeProvider time)
{
    public const string AtClaim = "bankcrm:stepup_at";
    public const string PurposeClaim = "bankcrm:stepup_purpose";

    /// <summary>Marks a step-up made with a bearer token request: it unlocks asset details, never a reveal.</summary>
    public const string ViaTokenClaim = "bankcrm:stepup_via_token";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int MaxPurposeLength = 100;

    public static readonly IReadOnlyList<string> Purposes = ["客户服务", "业务办理", "风险核查", "其他"];

    public enum Outcome { Confirmed, NotEnrolled, WrongCode, LockedOut }

    /// <summary>
    /// Asset details (balances, holdings, transactions) are shown within <see cref="Window"/> of a step-up, unless
    /// <see cref="SecurityOptions.AssetDetailsNeedStepUp"/> is off; the UI and the API both ask here.
    /// </summary>
    public bool ShowsAssetDetails(ClaimsPrincipal user) => !security.AssetDetailsNeedStepUp || HasRecentStepUp(user, Window);

    /// <summary>Whether amounts are shown to <paramref name="user"/>: holdings.read and, where required, a recent step-up.</summary>
    public bool ShowsAssetAmounts(ClaimsPrincipal user) => user.ToActor().Can(Permissions.HoldingsRead) && ShowsAssetDetails(user);

    public bool HasRecentStepUp(ClaimsPrincipal user, TimeSpan within) =>
        LastStepUp(user) is { } at && time.GetUtcNow() - at <= within && time.GetUtcNow() >= at;

    public static DateTimeOffset? LastStepUp(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AtClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static string? Purpose(ClaimsPrincipal user) => user.FindFirstValue(PurposeClaim);

    public static bool IsTokenStepUp(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ViaTokenClaim);

    public static Claim[] Claims(DateTimeOffset at, string purpose) =>
    [
        new(AtClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new(PurposeClaim, purpose),
    ];

    public async Task<bool> IsEnrolledAsync(ClaimsPrincipal principal) =>
        await signIn.UserManager.GetUserAsync(principal) is { } user && await signIn.UserManager.GetTwoFactorEnabledAsync(user);

    /// <summary>Checks the code and, when it is right, re-issues the session cookie with the step-up time and purpose.</summary>
    public async Task<Outcome> ConfirmAsync(ClaimsPrincipal principal, string code, string purpose)
    {
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(principal);
        if (user is null || !await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome.NotEnrolled;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Outcome.LockedOut;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // A wrong code counts toward lockout like a wrong password (checklist A10).
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? Outcome.LockedOut : Outcome.WrongCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        var kept = principal.Claims.Where(c => SessionCookie.IsSessionClaim(c) && c.Type is not AtClaim and not PurposeClaim).Select(c => new Claim(c.Type, c.Value));
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, kept.Concat(Claims(time.GetUtcNow(), purpose)));
        return Outcome.Confirmed;
    }
}
