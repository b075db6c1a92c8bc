namespace BankCrm.Data.Scoring.Churn;

/// <summary>
/// The look-backs of the churn features as of the end of a China day, as the UTC instants the database stores:
/// 30, 60, 90 and 180 days before midnight after <c>asOf</c>. The per-batch queries and the scoring run's streams
/// both count with these.
/// </summary>
internal readonly record struct ChurnWindows(DateTime End, DateTime Days30, DateTime Days60, DateTime Days90, DateTime Days180)
{
    /// <summary>The longest look-back, in days.</summary>
    public const int Days = 180;

    public static ChurnWindows Of(DateOnly asOf)
    {
        var end = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        return new ChurnWindows(end, end.AddDays(-30), end.AddDays(-60), end.AddDays(-90), end.AddDays(-Days));
    }
}
