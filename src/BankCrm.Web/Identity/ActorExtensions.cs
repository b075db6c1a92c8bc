using System.Globalization;
using System.Security.Claims;
using BankCrm.Core.Organization;

namespace BankCrm.Web.Identity;

public static class ActorExtensions
{
    public const string BranchClaim = "bankcrm:branch";
    public const string DisplayNameClaim = "bankcrm:display_name";

    /// <summary>The signed-in member of staff as the data layer sees them; anonymous users get no scope.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var name = user.Identity?.Name ?? string.Empty;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        var branch = int.TryParse(user.FindFirstValue(BranchClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : (int?)null;
        return new Actor(id, name, roles, branch) { SharedCustomerIds = SharedCustomerIds(user) };
    }

    // The system clock, not an injected TimeProvider: ToActor is called from static endpoints and components alike.
    // Ended shares are dropped here, so a share ends on the minute even in a circuit opened before it ended.
    private static IReadOnlyList<long> SharedCustomerIds(ClaimsPrincipal user)
    {
        var active = SharedCustomerClaims.Active(user, TimeProvider.System.GetUtcNow());
        return active.Count == 0 ? [] : [.. active.Select(s => s.CustomerId).Distinct()];
    }
}
