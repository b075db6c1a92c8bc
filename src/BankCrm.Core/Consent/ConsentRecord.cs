using BankCrm.Core.Common;
namespace BankCrm.Core.Consent;

/// <summary>
/// One statement of a customer about one purpose (and channel, for marketing). Records are never changed:
/// a new grant or withdrawal appends a record, so the history shows who recorded what and when; the
/// current state of a purpose is its latest record.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public ConsentPurpose Purpose { get; set; }

    /// <summary>Set for <see cref="ConsentPurpose.Marketing"/> only.</summary>
    public ContactChannel? Channel { get; set; }

    public bool Granted { get; set; }

    public ConsentSource Source { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The staff user id, or a system name such as "demo-bank" or "import".</summary>
    public string RecordedBy { get; set; } = string.Empty;

    public string? EvidenceNote { get; set; }

    /// <summary>When a withdrawal took effect; null on grants.</summary>
    public DateTime? WithdrawnAt { get; set; }

    public static ConsentRecord Grant(long customerId, ConsentPurpose purpose, ContactChannel? channel, ConsentSource source, DateTime at, string by, string? note) =>
        Create(customerId, purpose, channel, granted: true, source, at, by, note);

    public static ConsentRecord Withdraw(long customerId, ConsentPurpose purpose, ContactChannel? channel, ConsentSource source, DateTime at, string by, string? note) =>
        Create(customerId, purpose, channel, granted: false, source, at, by, note);

    private static ConsentRecord Create(long customerId, ConsentPurpose purpose, ContactChannel? channel, bool granted, ConsentSource source, DateTime at, string by, string? note)
    {
        ConsentPolicy.EnsureValidChannel(purpose, channel);
        return new ConsentRecord
        {
            CustomerId = customerId,
            Purpose = purpose,
            Channel = channel,
            Granted = granted,
            Source = source,
            RecordedAt = at,
            RecordedBy = by,
                        // Cleaned like every other text field: control characters (NUL breaks PostgreSQL text) and bidi overrides go.
            EvidenceNote = TextNormalizer.Clean(note) is { Length: > 0 } cleaned ? cleaned : null,
            WithdrawnAt = granted ? null : at,
        };
    }
}
