using BankCrm.Core.Privacy;

namespace BankCrm.Data.Privacy;

/// <summary>The <c>Privacy</c> configuration section.</summary>
public sealed class PrivacyOptions
{
    /// <summary>Calendar days to answer a request (issue 3: 15).</summary>
    public int ResponseDays { get; set; } = ResponseDeadline.DefaultResponseDays;

    /// <summary>Years identity data and transactions are kept after the relationship ends (Anti-Money Laundering Law; see docs/security.md).</summary>
    public int RetentionYears { get; set; } = ErasurePolicy.DefaultRetentionYears;
}
