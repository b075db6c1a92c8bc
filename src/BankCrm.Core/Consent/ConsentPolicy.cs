namespace BankCrm.Core.Consent;

/// <summary>
/// Whether the bank may use a customer's data for a purpose. Deny by default: no record means no consent
/// (PIPL Art. 14, JR/T 0171 §5 选择同意); the latest record per purpose and channel decides, and a withdrawal
/// counts from its own time on.
/// </summary>
public static class ConsentPolicy
{
    public static bool MayContact(IEnumerable<ConsentRecord> customerConsents, ConsentPurpose purpose, ContactChannel channel, DateTime now) =>
        purpose == ConsentPurpose.Marketing && IsGranted(customerConsents, purpose, channel, now);

    public static bool MayProfile(IEnumerable<ConsentRecord> customerConsents, DateTime now) =>
        IsGranted(customerConsents, ConsentPurpose.Profiling, null, now);

    public static bool MayShareWithThirdParty(IEnumerable<ConsentRecord> customerConsents, DateTime now) =>
        IsGranted(customerConsents, ConsentPurpose.ThirdPartySharing, null, now);

    /// <summary>The record in force at <paramref name="now"/> for one purpose and channel, or null when never asked.</summary>
    public static ConsentRecord? Current(IEnumerable<ConsentRecord> customerConsents, ConsentPurpose purpose, ContactChannel? channel, DateTime now) =>
        customerConsents
            .Where(r => r.Purpose == purpose && r.Channel == channel && r.RecordedAt <= now)
            .OrderByDescending(r => r.RecordedAt)
            .ThenByDescending(r => r.Id)
            .FirstOrDefault();

    /// <summary>Every purpose and channel a customer can be asked about, in display order.</summary>
    public static IReadOnlyList<(ConsentPurpose Purpose, ContactChannel? Channel)> AllSubjects { get; } =
    [
        .. Enum.GetValues<ContactChannel>().Select(c => (ConsentPurpose.Marketing, (ContactChannel?)c)),
        (ConsentPurpose.Profiling, null),
        (ConsentPurpose.ThirdPartySharing, null),
    ];

    /// <summary>Marketing needs a channel; the other purposes must not have one.</summary>
    public static bool IsValidChannel(ConsentPurpose purpose, ContactChannel? channel) =>
        Enum.IsDefined(purpose) && (purpose == ConsentPurpose.Marketing ? channel is { } c && Enum.IsDefined(c) : channel is null);

    internal static void EnsureValidChannel(ConsentPurpose purpose, ContactChannel? channel)
    {
        if (!IsValidChannel(purpose, channel))
        {
            throw new ArgumentException(purpose == ConsentPurpose.Marketing
                ? "营销同意须指明渠道"
                : $"{purpose} 同意不分渠道", nameof(channel));
        }
    }

    private static bool IsGranted(IEnumerable<ConsentRecord> customerConsents, ConsentPurpose purpose, ContactChannel? channel, DateTime now) =>
        Current(customerConsents, purpose, channel, now) is { Granted: true };
}
