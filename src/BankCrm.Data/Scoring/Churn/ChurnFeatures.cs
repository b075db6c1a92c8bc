namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// What the churn model knows about one customer as of a date, computed only from data before that date
/// (<see cref="ChurnFeatureQuery"/>). Counts over windows ending at the date; balances rebuilt backwards from today's
/// balances and the flows since. Amounts in CNY.
/// </summary>
internal sealed record ChurnFeatures
{
    public long CustomerId { get; init; }

    public bool IsCorporate { get; init; }

    /// <summary>Years; 0 for companies.</summary>
    public double Age { get; init; }

    public double TenureYears { get; init; }

    /// <summary>Product categories held (open accounts), the penetration the health score also uses.</summary>
    public int ProductCategories { get; init; }

    public int Transactions30 { get; init; }

    public int Transactions90 { get; init; }

    /// <summary>Transactions in the 90 days before the last 90.</summary>
    public int TransactionsPrevious90 { get; init; }

    /// <summary>Days since the last transaction, at most 181 (the window looked at).</summary>
    public int DaysSinceLastTransaction { get; init; }

    public int Salaries60 { get; init; }

    /// <summary>Salary credits in days 61–180 before the date.</summary>
    public int SalariesPrevious120 { get; init; }

    public double TransfersOut90 { get; init; }

    public int Redemptions90 { get; init; }

    public double Aum { get; init; }

    public double Aum60DaysAgo { get; init; }

    public double Aum90DaysAgo { get; init; }

    public int Logins30 { get; init; }

    public int Logins90 { get; init; }

    public int LoginsPrevious90 { get; init; }

    /// <summary>Interactions in the last 180 days whose note records a complaint (投诉).</summary>
    public int Complaints180 { get; init; }

    /// <summary>Interactions in the last 180 days whose note mentions another bank (他行, 其他银行): a customer comparing offers.</summary>
    public int OtherBankMentions180 { get; init; }

    public double TransactionChange90 => Change(Transactions90, TransactionsPrevious90);

    public double LoginChange90 => Change(Logins90, LoginsPrevious90);

    public double AumChange60 => Change(Aum, Aum60DaysAgo);

    public double AumChange90 => Change(Aum, Aum90DaysAgo);

    /// <summary>Money transferred out in 90 days as a share of the assets 90 days ago (capped at 5).</summary>
    public double TransferOutShare90 => Math.Min(5, TransfersOut90 / Math.Max(1_000, Aum90DaysAgo));

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/>: -0.62 is a 62% drop; 0 when both are empty.</summary>
    public static double Change(double now, double before) =>
        before <= 0 ? (now > 0 ? 1 : 0) : Math.Clamp((now - before) / before, -1, 5);
}
