namespace BankCrm.Core.Engagement.Campaigns;

/// <summary>
/// Who is held out as control (seed 000: A/B tests and control groups). The draw is a stable hash of the campaign
/// and the customer, not a random number, so a launch that is resumed or re-run puts every customer in the same
/// group, on any node, in any process.
/// </summary>
public static class ControlGroup
{
    public const int MaxPercent = 50;

    private const int Buckets = 10_000;

    /// <summary>True when the customer is in the control group of a campaign holding out <paramref name="controlPercent"/> %.</summary>
    public static bool IsControl(long campaignId, long customerId, int controlPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(controlPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(controlPercent, MaxPercent);
        return Bucket(campaignId, customerId) < controlPercent * (Buckets / 100);
    }

    /// <summary>0–9,999, uniform over customers: SplitMix64 over the pair, independent of string hashing or the runtime.</summary>
    public static int Bucket(long campaignId, long customerId)
    {
        var x = unchecked((ulong)campaignId * 0x9E3779B97F4A7C15UL ^ (ulong)customerId);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x % Buckets);
    }
}
