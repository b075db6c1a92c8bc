using BankCrm.Data.Audit;
using BankCrm.Data.Organization;
using BankCrm.Web.Audit;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace BankCrm.Web.Identity;

public sealed record TokenRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchange a user name and password for a bearer token (1 hour).")
            .WithTags("Auth");

        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/account/login");
            })
            .WithName("Logout")
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditTrail audit)
    {
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

        var user = await users.FindByNameAsync(request.UserName);
        if (user is null)
        {
            await audit.RecordAsync(request.UserName, userId: null, SignInResult.Failed, "token");
            return TypedResults.Problem(title: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        await audit.RecordAsync(request.UserName, user.Id, check, "token");
        if (check.IsLockedOut)
        {
            return TypedResults.Problem(title: "账户已锁定，请稍后再试", statusCode: StatusCodes.Status423Locked);
        }

        if (!check.Succeeded)
        {
            return TypedResults.Problem(title: "用户名或密码错误", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }
}
