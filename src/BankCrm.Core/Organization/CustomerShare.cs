namespace BankCrm.Core.Organization;

/// <summary>
/// A customer's own relationship manager (or the branch manager) lets a colleague see the customer for a limited
/// time, e.g. while covering a leave. Rows are never deleted: an early end sets <see cref="RevokedAt"/>, so the
/// audit trail and the table agree on who could see the customer when.
/// </summary>
public sealed class CustomerShare
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    /// <summary>The staff user id of the colleague who may see the customer.</summary>
    public string SharedWithId { get; set; } = string.Empty;

    public string SharedById { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;

    public DateTime StartsAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedById { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && StartsAt <= now && now < ExpiresAt;

    /// <summary>A share that starts now; the caller has checked <see cref="CustomerSharingRules"/>.</summary>
    public static CustomerShare Start(long customerId, string sharedWithId, string sharedById, string reason, DateTime now, DateTime expiresAt) => new()
    {
        CustomerId = customerId,
        SharedWithId = sharedWithId,
        SharedById = sharedById,
        Reason = reason.Trim(),
        StartsAt = now,
        ExpiresAt = expiresAt,
    };

    public void Revoke(string byId, DateTime now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedById = byId;
    }
}
