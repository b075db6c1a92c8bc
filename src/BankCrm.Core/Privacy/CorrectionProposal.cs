namespace BankCrm.Core.Privacy;

public enum CorrectionState
{
    Proposed = 1,
    Applied = 2,
    Rejected = 3,
}

/// <summary>
/// Field changes a member of staff proposes for a correction request (更正); a compliance officer who did not propose
/// them verifies and applies them (maker ≠ checker), or rejects them with a reason.
/// </summary>
public sealed class CorrectionProposal
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public long CustomerId { get; set; }

    /// <summary>JSON object of field name → proposed value, e.g. {"Mobile":"13900000000"}.</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>The customer's version when proposed: a record changed since must be re-checked, not overwritten.</summary>
    public int BaseVersion { get; set; }

    public CorrectionState State { get; set; } = CorrectionState.Proposed;

    public string ProposedBy { get; set; } = string.Empty;

    public string ProposedByName { get; set; } = string.Empty;

    public DateTime ProposedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Maker ≠ checker: the one who proposed a change may not verify it.</summary>
    public bool MayBeDecidedBy(string userId) => !string.Equals(ProposedBy, userId, StringComparison.Ordinal);
}
