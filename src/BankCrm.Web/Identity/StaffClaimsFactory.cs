using System.Globalization;
using System.Security.Claims;
using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BankCrm.Web.Identity;

/// <summary>Adds the branch and display name to the sign-in principal so scoping needs no extra query.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ActorExtensions.DisplayNameClaim, user.DisplayName));
        if (user.BranchId is { } branch)
        {
            identity.AddClaim(new Claim(ActorExtensions.BranchClaim, branch.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
