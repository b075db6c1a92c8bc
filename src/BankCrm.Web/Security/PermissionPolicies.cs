using BankCrm.Core.Organization;
using Microsoft.AspNetCore.Authorization;

namespace BankCrm.Web.Security;

/// <summary>One authorization policy per permission, named after it, requiring one of the roles of the matrix.</summary>
public static class PermissionPolicies
{
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in PermissionMatrix.AllPermissions)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireRole(PermissionMatrix.RolesFor(permission)));
        }

        return builder;
    }
}
