using BankCrm.Core.Organization;

namespace BankCrm.Data.Audit;

/// <summary>What a caller asks the audit trail to record; time, id and hashes are added by <see cref="AuditTrail"/>.</summary>
public sealed record AuditRecord(string Action, string? ActorId, string ActorName)
{
    public long? CustomerId { get; init; }

    /// <summary>
    /// The customers a list or search showed. The caller puts them in <see cref="Detail"/> too, which the hash covers;
    /// they are also indexed per customer (<see cref="BankCrm.Core.Audit.AuditedCustomer"/>).
    /// </summary>
    public IReadOnlyList<long>? CustomerIds { get; init; }

    /// <summary>Every customer the entry names, each once.</summary>
    public IEnumerable<long> NamedCustomers() =>
        (CustomerId is { } id ? CustomerIds?.Prepend(id) ?? [id] : CustomerIds ?? []).Distinct();

    public string? Fields { get; init; }

    public string? Purpose { get; init; }

    public string? Detail { get; init; }

    public string? RemoteIp { get; init; }

    public static AuditRecord By(Actor actor, string action) => new(action, actor.UserId, actor.UserName);
}
