using BankCrm.Core.Common;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>
/// The hours, China time, in which the bank sends no marketing and no non-urgent service message (default
/// 21:00–08:00). The start is inside the quiet hours and the end is not: 21:00:00 is quiet, 08:00:00 is not.
/// Start equal to end means no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public bool Contains(DateTime utc)
    {
        if (Start == End)
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(ChinaTime.FromUtc(utc));
        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }

    /// <summary>The first instant (UTC) at or after <paramref name="utc"/> that is outside the quiet hours.</summary>
    public DateTime NextAllowed(DateTime utc)
    {
        if (!Contains(utc))
        {
            return utc;
        }

        var local = ChinaTime.FromUtc(utc);
        var endToday = local.Date + End.ToTimeSpan();
        var end = endToday > local ? endToday : endToday.AddDays(1);
        return DateTime.SpecifyKind(end - ChinaTime.Offset, DateTimeKind.Utc);
    }

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
