using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Web.Audit;
using BankCrm.Web.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Identity;

/// <summary>Staff with TOTP enrolled send the current code too; without it the token endpoint would bypass MFA.</summary>
/// <summary>With a TOTP code and a purpose, the token also counts as a step-up for <see cref="StepUp.Window"/>.</summary>
public sealed record TokenRequest(string? UserName, string? Password, string? TwoFactorCode = null, string? Purpose = null);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchange a user name and password for a bearer token (1 hour).")
            .WithTags("Auth");

        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn, ClaimsPrincipal user) =>
            {
                // A new security stamp, so a copy of this cookie cannot be replayed after logout (checklist S3).
                await SessionCookie.SignOutEverywhereAsync(signIn, user);
                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization(Permissions.SelfService)
            .WithName("Logout")
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<StaffUser> users, StaffSignInManager signIn, AuditTrail audit, TimeProvider time)
    {
        if (request.Purpose is { Length: > StepUp.MaxPurposeLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [$"查看目的不能超过 {StepUp.MaxPurposeLength} 个字符"] });
        }

        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.UserName))
            {
                errors["userName"] = ["用户名不能为空"];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = ["密码不能为空"];
            }

            return TypedResults.ValidationProblem(errors);
        }

        // An unknown name gets the answers of a real account, lockout included (issue 11, finding 5).
        var (user, check) = await signIn.CheckPasswordAsync(request.UserName, request.Password);
        if (check.IsLockedOut)
        {
            await audit.RecordAsync(request.UserName, user?.Id, check, "token");
            return TypedResults.Problem(title: "账户已锁定，请稍后再试", statusCode: StatusCodes.Status423Locked);
        }

        if (!check.Succeeded || user is null)
        {
            await audit.RecordAsync(request.UserName, user?.Id, check, "token");
            return TypedResults.Problem(title: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // The right password alone is not a sign-in: success is recorded only after the code.
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                await audit.RecordAsync(request.UserName, user.Id, SignInResult.Failed, "token_mfa");
                return TypedResults.Problem(title: "需要动态口令", detail: "该账户已启用动态口令，请在 twoFactorCode 中提供验证器上的 6 位口令。", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, request.TwoFactorCode))
            {
                await users.AccessFailedAsync(user);
                var locked = await users.IsLockedOutAsync(user);
                await audit.RecordAsync(request.UserName, user.Id, locked ? SignInResult.LockedOut : SignInResult.Failed, "token_mfa");
                return locked
                    ? TypedResults.Problem(title: "账户已锁定，请稍后再试", statusCode: StatusCodes.Status423Locked)
                    : TypedResults.Problem(title: "动态口令错误或已使用过", statusCode: StatusCodes.Status401Unauthorized);
            }
        }

        await audit.RecordAsync(request.UserName, user.Id, check, "token");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (!string.IsNullOrWhiteSpace(request.TwoFactorCode) && !string.IsNullOrWhiteSpace(request.Purpose))
        {
            // The code was checked just above: this token is a step-up, with the purpose the caller stated.
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaims(
                [.. StepUp.Claims(time.GetUtcNow(), request.Purpose.Trim()), new System.Security.Claims.Claim(StepUp.ViaTokenClaim, "true")]);
        }

        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
