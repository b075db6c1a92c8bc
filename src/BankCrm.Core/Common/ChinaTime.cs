namespace BankCrm.Core.Common;

/// <summary>China Standard Time (UTC+8, no daylight saving): what "today" means to the bank's staff.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset).DateTime;

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time));
}
