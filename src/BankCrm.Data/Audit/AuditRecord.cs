using BankCrm.Core.Organization;

namespace BankCrm.Data.Audit;

/// <summary>What a caller asks the audit trail to record; time, id and hashes are added by <see cref="AuditTrail"/>.</summary>
public sealed record AuditRecord(string Action, string? ActorId, string ActorName)
{
    public long? CustomerId { get; init; }

    public string? Fields { get; init; }

    public string? Purpose { get; init; }

    public string? Detail { get; init; }

    public string? RemoteIp { get; init; }

    public static AuditRecord By(Actor actor, string action) => new(action, actor.UserId, actor.UserName);
}
