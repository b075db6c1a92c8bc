using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BankCrm.Core.Audit;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Web.Audit;
using Microsoft.AspNetCore.Components;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace BankCrm.Web.Components.Pages.Account;

/// <summary>
/// TOTP enrolment: the key (created on first visit), a QR code of its otpauth URI, then the current password and a
/// first code; the recovery codes are shown once. Enrolment needs the password again (checklist A5).
/// </summary>
public sealed partial class MfaSetup
{
    private string qrDataUri = string.Empty;
    private string formattedKey = string.Empty;
    private string? errorMessage;
    private bool alreadyEnabled;
    private int recoveryCodesLeft;
    private IReadOnlyList<string>? recoveryCodes;
    private StaffUser user = default!;

    [Inject]
    private SignInManager<StaffUser> SignIn { get; set; } = default!;

    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SetupInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        HttpContext.Response.Headers.CacheControl = "no-store";
        var users = SignIn.UserManager;
        user = await users.GetUserAsync(HttpContext.User) ?? throw new InvalidOperationException("A signed-in user without a user row.");
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            alreadyEnabled = true;
            recoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp, so the cookie is re-issued to stay valid.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            await SignIn.RefreshSignInAsync(user);
        }

        formattedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        qrDataUri = QrDataUri(OtpAuthUri(user.UserName ?? user.Id, key));
    }

    private async Task EnableAsync()
    {
        var users = SignIn.UserManager;
        var password = await SignIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            errorMessage = password.IsLockedOut ? "账户已锁定，请 15 分钟后再试" : "当前密码不正确";
            return;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Code))
        {
            await users.AccessFailedAsync(user);
            errorMessage = "动态口令不正确：请检查手机时间，并输入验证器上当前显示的口令";
            return;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        recoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, MfaModule.RecoveryCodeCount) ?? []];
        await Audit.RecordAsync(user, AuditActions.MfaEnabled, new { recoveryCodes = recoveryCodes.Count });

        // The code just entered proves the second factor for this session too.
        await SignIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }

    internal static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/BankCrm:{Uri.EscapeDataString(userName)}?secret={key}&issuer=BankCrm&digits=6&period=30";

    private static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private sealed class SetupInput
    {
        [Required(ErrorMessage = "请输入当前密码")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入 6 位动态口令")]
        [RegularExpression("^[0-9]{6}$", ErrorMessage = "动态口令是 6 位数字")]
        public string Code { get; set; } = string.Empty;
    }
}
