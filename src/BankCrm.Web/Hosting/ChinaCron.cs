using System.Globalization;
using Quartz;

namespace BankCrm.Web.Hosting;

/// <summary>
/// Turns a daily cron expression written in China time (how operators think of the bank's night) into the same
/// schedule in UTC, the one zone every machine resolves, so the stored trigger survives restarts, upgrades and moves
/// (docs/decisions/0008-schedules-stored-in-utc.md). China has no daylight saving: the shift is always eight hours.
/// </summary>
/// <remarks>
/// Only the hour field moves. A cron that names days (day of month, month, day of week or year) would need its days
/// moved too when the hour crosses midnight, which a cron expression cannot always say; such a setting is refused
/// at start with the setting's name rather than fired on the wrong day.
/// </remarks>
public static class ChinaCron
{
    private static readonly int ShiftHours = (int)Core.Common.ChinaTime.Offset.TotalHours;

    public static string ToUtc(string chinaCron, string setting)
    {
        var fields = chinaCron.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length is < 6 or > 7 || !CronExpression.TryParse(chinaCron, out _))
        {
            throw new InvalidOperationException($"{setting} '{chinaCron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week).");
        }

        var everyDay = fields[3] is "*" or "?" && fields[4] == "*" && fields[5] is "*" or "?" && (fields.Length == 6 || fields[6] == "*");
        if (!everyDay)
        {
            throw new InvalidOperationException(
                $"{setting} '{chinaCron}' names days; only daily schedules (day-of-month, month and day-of-week '*' or '?') are supported, because the schedule is stored in UTC.");
        }

        if (fields[2] != "*")
        {
            fields[2] = string.Join(',', Hours(fields[2], setting).Select(h => ((h - ShiftHours + 24) % 24)).Order().Select(h => h.ToString(CultureInfo.InvariantCulture)));
        }

        return string.Join(' ', fields);
    }

    /// <summary>The hours an hour field names: <c>2</c>, <c>1,3</c>, <c>0-5</c>, <c>*/6</c>, <c>1-10/3</c>, <c>2/4</c>.</summary>
    private static SortedSet<int> Hours(string field, string setting)
    {
        var hours = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => throw Invalid(),
            };
            var (from, to) = range.Split('-') switch
            {
                ["*"] => (0, 23),
                [var a] when int.TryParse(a, CultureInfo.InvariantCulture, out var h) => (h, step > 1 ? 23 : h),
                [var a, var b] when int.TryParse(a, CultureInfo.InvariantCulture, out var h1) && int.TryParse(b, CultureInfo.InvariantCulture, out var h2) => (h1, h2),
                _ => throw Invalid(),
            };
            if (from is < 0 or > 23 || to is < 0 or > 23 || from > to)
            {
                throw Invalid();
            }

            for (var hour = from; hour <= to; hour += step)
            {
                hours.Add(hour);
            }
        }

        return hours;

        InvalidOperationException Invalid() => new($"{setting} has an hour field '{field}' that is not hours 0-23 as a number, list, range or step.");
    }
}
