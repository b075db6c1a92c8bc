using System.Globalization;
using BankCrm.Core.Common;

namespace BankCrm.Web.Components.Shared.Formatting;

/// <summary>Dates as 2026-11-24 and times in China Standard Time, whatever the server's time zone.</summary>
public static class Dates
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string MinuteFormat = "yyyy-MM-dd HH:mm";

    /// <summary>The China-time calendar day of a UTC instant as stored in the database.</summary>
    public static string Day(DateTime utc) => ChinaTime.FromUtc(utc).ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString(DayFormat, CultureInfo.InvariantCulture) ?? "—";

    public static string Minute(DateTime utc) => ChinaTime.FromUtc(utc).ToString(MinuteFormat, CultureInfo.InvariantCulture);

    /// <summary>Year and month of a chart axis: 2026-03.</summary>
    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
