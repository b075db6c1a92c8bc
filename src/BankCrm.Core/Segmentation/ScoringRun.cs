namespace BankCrm.Core.Segmentation;

public enum ScoringRunStatus
{
    Running = 1,
    Completed = 2,
    Failed = 3,
}

/// <summary>
/// One scoring run per run date. Customers are scored in id order and the last finished id is kept, so a run
/// killed halfway resumes where it stopped and no customer is scored twice for the same date.
/// </summary>
public sealed class ScoringRun
{
    public DateOnly RunDate { get; set; }

    public ScoringRunStatus Status { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int CustomersTotal { get; set; }

    public int CustomersScored { get; set; }

    /// <summary>The highest customer id whose score is stored; the next batch starts after it.</summary>
    public long LastCustomerId { get; set; }

    /// <summary>Who started it: a user name, "nightly" or "cli".</summary>
    public string StartedBy { get; set; } = string.Empty;

    public string? Error { get; set; }
}
