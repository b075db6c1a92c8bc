using BankCrm.Core.Common;

namespace BankCrm.Core.Privacy;

public enum DeadlineState
{
    OnTrack = 0,
    DueSoon = 1,
    Overdue = 2,
    Closed = 3,
}

/// <summary>
/// When a request must be answered: the China date it was received plus <c>Privacy:ResponseDays</c> calendar days
/// (issue 3: 15 days). A request is due soon from three days before that date and overdue the day after it.
/// </summary>
public static class ResponseDeadline
{
    public const int DefaultResponseDays = 15;
    public const int DueSoonDays = 3;

    public static DateOnly DueOn(DateTime receivedAtUtc, int responseDays)
    {
        if (responseDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(responseDays), responseDays, "Privacy:ResponseDays must be at least 1.");
        }

        return DateOnly.FromDateTime(ChinaTime.FromUtc(receivedAtUtc)).AddDays(responseDays);
    }

    /// <summary>Days until the due date; 0 on the due date itself, negative once overdue.</summary>
    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;

    public static DeadlineState StateOf(RequestStatus status, DateOnly dueOn, DateOnly today)
    {
        if (status is RequestStatus.Completed or RequestStatus.Rejected)
        {
            return DeadlineState.Closed;
        }

        var left = DaysLeft(dueOn, today);
        return left < 0 ? DeadlineState.Overdue : left <= DueSoonDays ? DeadlineState.DueSoon : DeadlineState.OnTrack;
    }
}
