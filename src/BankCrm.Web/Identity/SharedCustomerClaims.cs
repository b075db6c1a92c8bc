using System.Globalization;
using System.Security.Claims;
using BankCrm.Data.Customers.Sharing;

namespace BankCrm.Web.Identity;

/// <summary>
/// One claim per running share of the signed-in colleague, "customerId;expiresAt" (UTC, ISO 8601). The claims are
/// added per request by <see cref="SharedCustomersTransformation"/>; readers drop those whose end has passed, so a
/// share ends on time even inside a Blazor circuit that was opened before it ended.
/// </summary>
public static class SharedCustomerClaims
{
    public const string ClaimType = "bankcrm:shared_customer";

    public static Claim ToClaim(ActiveShare share) =>
        new(ClaimType, string.Create(CultureInfo.InvariantCulture, $"{share.CustomerId};{DateTime.SpecifyKind(share.ExpiresAt, DateTimeKind.Utc):O}"));

    /// <summary>The shares in the principal's claims that are still running at <paramref name="now"/>.</summary>
    public static IReadOnlyList<ActiveShare> Active(ClaimsPrincipal user, DateTimeOffset now)
    {
        List<ActiveShare>? active = null;
        foreach (var claim in user.FindAll(ClaimType))
        {
            if (Parse(claim.Value) is { } share && share.ExpiresAt > now.UtcDateTime)
            {
                (active ??= []).Add(share);
            }
        }

        return active ?? (IReadOnlyList<ActiveShare>)[];
    }

    private static ActiveShare? Parse(string value)
    {
        var separator = value.IndexOf(';', StringComparison.Ordinal);
        return separator > 0
            && long.TryParse(value.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var customerId)
            && DateTime.TryParse(value.AsSpan(separator + 1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expiresAt)
            ? new ActiveShare(customerId, expiresAt)
            : null;
    }
}
