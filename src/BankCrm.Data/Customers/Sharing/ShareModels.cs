using BankCrm.Core.Common;

namespace BankCrm.Data.Customers.Sharing;

/// <summary>One share as the API and the 360 dialog show it; times in UTC.</summary>
public sealed record ShareLine(
    long Id, long CustomerId, string SharedWithId, string SharedWithName, string SharedById, string SharedByName, string Reason,
    DateTime StartsAt, DateTime ExpiresAt, DateTime? RevokedAt, string? RevokedByName);

public sealed record ShareCustomer(string? SharedWithId, DateTime? ExpiresAt, string? Reason);

/// <summary>A running share of one colleague: what the claims of their requests carry.</summary>
public sealed record ActiveShare(long CustomerId, DateTime ExpiresAt);

/// <summary>A member of staff a customer may be shared with.</summary>
public sealed record ShareColleague(string Id, string DisplayName, string UserName, string? BranchName);

public abstract record ShareOutcome
{
    public sealed record Shared(ShareLine Line) : ShareOutcome;

    public sealed record Listed(IReadOnlyList<ShareLine> Lines) : ShareOutcome;

    public sealed record Revoked(ShareLine Line) : ShareOutcome;

    /// <summary>The customer (or the share) does not exist within the actor's scope.</summary>
    public sealed record NotFound : ShareOutcome;

    /// <summary>The actor sees the customer but is not accountable for it (e.g. sees it through a share).</summary>
    public sealed record Forbidden : ShareOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ShareOutcome;
}
