using System.Globalization;
using BankCrm.Core.Common;

namespace BankCrm.Web.Components.Pages.Engagement;

/// <summary>Times typed in a datetime-local field are China time; the browser sends them with or without seconds.</summary>
internal static class LocalTimes
{
    public const string Format = "yyyy-MM-ddTHH:mm";

    private static readonly string[] Formats = [Format, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, ChinaTime.Offset) : null;

    public static string Show(DateTime utc) => ChinaTime.FromUtc(utc).ToString(Format, CultureInfo.InvariantCulture);
}
