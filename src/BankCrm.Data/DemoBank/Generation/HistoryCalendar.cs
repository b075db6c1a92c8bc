namespace BankCrm.Data.DemoBank.Generation;

/// <summary>One calendar month of the history (the first and last are partial) and how busy it is.</summary>
internal readonly record struct MonthSlot(DateOnly First, DateOnly EndExclusive, double Seasonality)
{
    public int Days => EndExclusive.DayNumber - First.DayNumber;

    public DateOnly Middle => First.AddDays(Days / 2);
}

/// <summary>
/// The 24 months before the "as of" date, month by month, with the seasonality of Chinese retail banking:
/// Spring Festival (and the weeks before it), 618, National Day, Double 11 and the year end.
/// </summary>
internal sealed class HistoryCalendar
{
    public const int FadeMonths = 6;

    // Spring Festival (农历正月初一) dates; the shopping and red-packet peak is the month it falls in.
    private static readonly Dictionary<int, DateOnly> SpringFestivals = new()
    {
        [2019] = new(2019, 2, 5), [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12), [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22), [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6), [2028] = new(2028, 1, 26), [2029] = new(2029, 2, 13), [2030] = new(2030, 2, 3),
        [2031] = new(2031, 1, 23), [2032] = new(2032, 2, 11), [2033] = new(2033, 1, 31), [2034] = new(2034, 2, 19),
        [2035] = new(2035, 2, 8),
    };

    public HistoryCalendar(DateOnly start, DateOnly asOf)
    {
        Start = start;
        AsOf = asOf;
        FadeStart = asOf.AddMonths(-FadeMonths);
        var slots = new List<MonthSlot>();
        for (var first = start; first < asOf;)
        {
            var next = new DateOnly(first.Year, first.Month, 1).AddMonths(1);
            var end = next < asOf ? next : asOf;
            slots.Add(new MonthSlot(first, end, Seasonality(first.Year, first.Month)));
            first = end;
        }

        Slots = slots;
    }

    public DateOnly Start { get; }

    public DateOnly AsOf { get; }

    /// <summary>Future churners' activity fades from here to the "as of" date.</summary>
    public DateOnly FadeStart { get; }

    public IReadOnlyList<MonthSlot> Slots { get; }

    public static DateOnly SpringFestival(int year) =>
        SpringFestivals.TryGetValue(year, out var date) ? date : new DateOnly(year, 2, 1);

    /// <summary>How much of a churner's usual activity is left on a day: 1 before the fade, decaying exponentially to 5% at the end.</summary>
    public double FadeFactor(DateOnly day)
    {
        if (day < FadeStart)
        {
            return 1.0;
        }

        var progress = (double)(day.DayNumber - FadeStart.DayNumber) / (AsOf.DayNumber - FadeStart.DayNumber);
        return Math.Pow(0.05, Math.Clamp(progress, 0, 1));
    }

    public DateOnly RandomDay(DemoRandom random, MonthSlot slot) => slot.First.AddDays(random.Next(slot.Days));

    public DateOnly RandomDay(DemoRandom random, DateOnly from, DateOnly toExclusive) =>
        toExclusive <= from ? from : from.AddDays(random.Next(toExclusive.DayNumber - from.DayNumber));

    /// <summary>A moment in China time on the given day, stored as UTC like every timestamp in the database.</summary>
    public static DateTime At(DateOnly day, double hourOfDay)
    {
        var seconds = (int)(Math.Clamp(hourOfDay, 0, 23.999) * 3600);
        return day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(seconds).AddHours(-8);
    }

    private static double Seasonality(int year, int month)
    {
        var festival = SpringFestival(year);
        if (month == festival.Month)
        {
            return 1.5;
        }

        if (festival.Month == 2 && month == 1)
        {
            return 1.2;
        }

        return month switch
        {
            11 => 1.3,
            12 => 1.2,
            6 => 1.1,
            10 => 1.1,
            _ => 1.0,
        };
    }
}
