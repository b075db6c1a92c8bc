using BankCrm.Data.Organization;
using BankCrm.Integration.Tests.Hosting;
using BankCrm.Integration.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Integration.Tests.Security;

/// <summary>A new member of staff of the demo home branch with the given roles and an authenticator, signed in with or without a step-up.</summary>
public sealed record SteppedUpStaff(string UserId, string UserName, string Key)
{
    public static async Task<SteppedUpStaff> CreateAsync(BankCrmApp app, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = "s" + Guid.NewGuid().ToString("N")[..10], DisplayName = "测试员", BranchId = DemoStaff.HomeBranchId };
        Check(await users.CreateAsync(user, AccountForms.Password));
        Check(await users.AddToRolesAsync(user, roles));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new SteppedUpStaff(user.Id, user.UserName, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>A bearer token issued with a TOTP code and a purpose: asset details for 15 minutes.</summary>
    public Task<HttpClient> SteppedUpClientAsync(BankCrmApp app) =>
        app.ClientWithNewTokenAsync(new { userName = UserName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(Key, stepsAhead: 1), purpose = "客户服务" });

    /// <summary>A bearer token issued with a TOTP code but no purpose: signed in, not stepped up.</summary>
    public Task<HttpClient> PlainClientAsync(BankCrmApp app) =>
        app.ClientWithNewTokenAsync(new { userName = UserName, password = AccountForms.Password, twoFactorCode = AccountForms.Code(Key) });

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
