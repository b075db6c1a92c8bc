using System.Security.Claims;
using BankCrm.Core.Organization;
using BankCrm.Web.Customers.Sharing;
using Microsoft.AspNetCore.Authentication;

namespace BankCrm.Web.Identity;

/// <summary>
/// Adds the running shares of a relationship or branch manager to the principal of each request (and of each Blazor
/// circuit, which starts from a request). Shares are read through <see cref="SharedCustomersCache"/>, so a request
/// costs a memory look-up, not a query.
/// </summary>
internal sealed class SharedCustomersTransformation(SharedCustomersCache cache) : IClaimsTransformation
{
    private const string AuthenticationType = "BankCrm.Shares";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var eligible = CustomerSharingRules.RecipientRoles.Any(principal.IsInRole);
        var stale = principal.HasClaim(c => c.Type == SharedCustomerClaims.ClaimType);
        if (userId is null || (!eligible && !stale))
        {
            return principal;
        }

        // Transformation may run more than once per request, and a principal re-issued into a cookie could carry old
        // share claims: start from a copy without any, so only the shares read now count.
        var copy = new ClaimsPrincipal(principal.Identities
            .Where(i => i.AuthenticationType != AuthenticationType)
            .Select(i => new ClaimsIdentity(i.Claims.Where(c => c.Type != SharedCustomerClaims.ClaimType), i.AuthenticationType, i.NameClaimType, i.RoleClaimType)));
        if (eligible)
        {
            var shares = await cache.ActiveForAsync(userId);
            if (shares.Count > 0)
            {
                copy.AddIdentity(new ClaimsIdentity(shares.Select(SharedCustomerClaims.ToClaim), AuthenticationType));
            }
        }

        return copy;
    }
}
