namespace BankCrm.Core.Segmentation;

/// <summary>
/// The picture of one customer on one run date. One row per customer per run, never updated after the run
/// finishes, so trends and class migrations between two dates can be read back.
/// </summary>
public sealed class CustomerScore
{
    public DateOnly RunDate { get; set; }

    public long CustomerId { get; set; }

    /// <summary>Days since the last customer-initiated transaction; null when there was none in the window.</summary>
    public int? RecencyDays { get; set; }

    /// <summary>Transactions in the RFM window.</summary>
    public int Frequency { get; set; }

    /// <summary>Transaction amount in the RFM window (absolute values).</summary>
    public decimal Monetary { get; set; }

    /// <summary>Quintile scores 1–5 (5 = best).</summary>
    public byte RecencyScore { get; set; }

    public byte FrequencyScore { get; set; }

    public byte MonetaryScore { get; set; }

    /// <summary>Assets under management on the run date.</summary>
    public decimal Aum { get; set; }

    public LifecycleStage LifecycleStage { get; set; }

    /// <summary>The date the current stage began.</summary>
    public DateOnly StageSince { get; set; }

    public ValueTier ValueTier { get; set; }

    public CustomerClass CustomerClass { get; set; }

    /// <summary>Number of product categories held.</summary>
    public int ProductPenetration { get; set; }

    /// <summary>Health components 0–100: value (AUM, penetration), behaviour (logins, transactions), satisfaction (complaints, NPS).</summary>
    public int HealthValue { get; set; }

    public int HealthBehaviour { get; set; }

    public int HealthSatisfaction { get; set; }

    /// <summary>Overall health 0–100.</summary>
    public int HealthScore { get; set; }

    /// <summary>0–1; null when no churn model has been trained.</summary>
    public double? ChurnProbability { get; set; }

    /// <summary>The top contributing factors in words, one per line.</summary>
    public string? ChurnFactors { get; set; }

    public string? ChurnModelVersion { get; set; }
}
