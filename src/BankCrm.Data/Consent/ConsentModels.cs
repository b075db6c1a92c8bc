using BankCrm.Core.Consent;

namespace BankCrm.Data.Consent;

public enum ConsentState
{
    NeverAsked = 0,
    Granted = 1,
    Withdrawn = 2,
}

/// <summary>The state in force for one purpose (and channel): granted or withdrawn since when, from which source.</summary>
public sealed record ConsentStatus(ConsentPurpose Purpose, ContactChannel? Channel, ConsentState State, DateTime? Since, ConsentSource? Source);

public sealed record ConsentHistoryLine(
    long Id, ConsentPurpose Purpose, ContactChannel? Channel, bool Granted, ConsentSource Source, DateTime RecordedAt, string RecordedBy, string? EvidenceNote);

/// <summary>GET /api/v1/customers/{id}/consents: one row per purpose and channel, then every record newest first.</summary>
public sealed record CustomerConsents(IReadOnlyList<ConsentStatus> Current, IReadOnlyList<ConsentHistoryLine> History);

public sealed record RecordConsent(ConsentPurpose Purpose, ContactChannel? Channel, bool Granted, ConsentSource Source, string? EvidenceNote);

public abstract record ConsentOutcome
{
    public sealed record Recorded(ConsentHistoryLine Line) : ConsentOutcome;

    public sealed record NotFound : ConsentOutcome;

    public sealed record Forbidden : ConsentOutcome;

    public sealed record Invalid(string Field, string Message) : ConsentOutcome;
}
