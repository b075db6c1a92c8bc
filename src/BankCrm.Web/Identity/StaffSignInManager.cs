using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BankCrm.Web.Identity;

/// <summary>
/// Identity's sign-in manager, except that an unknown user name is answered as a real account would be: the same
/// check time and the same lockout (<see cref="UnknownUserLockout"/>), so neither the login form nor the token
/// endpoint tells whether a name exists.
/// </summary>
internal sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    UnknownUserLockout unknownUsers)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        return user is null
            ? unknownUsers.Check(UserManager.NormalizeName(userName) ?? string.Empty, password, UserManager.PasswordHasher)
            : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>The password check of the token endpoint, by name; the user is null for a name that does not exist.</summary>
    public async Task<(StaffUser? User, SignInResult Result)> CheckPasswordAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName);
        return user is null
            ? (null, unknownUsers.Check(UserManager.NormalizeName(userName) ?? string.Empty, password, UserManager.PasswordHasher))
            : (user, await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }
}
