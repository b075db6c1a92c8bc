using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Holdings;
using BankCrm.Data.Database;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>One customer a trigger fired for, and the occurrence it fired for.</summary>
public sealed class TriggerCandidate
{
    public long CustomerId { get; init; }

    public string OccurrenceKey { get; init; } = string.Empty;
}

/// <summary>
/// When a trigger is evaluated: the instant, the China date, and the two newest completed scoring runs up to that
/// date (stage changes and needs compare the latest run with the one before it).
/// </summary>
public sealed record TriggerWindow(DateTime Now, DateOnly Today, DateOnly? LatestRun, DateOnly? PreviousRun);

/// <summary>
/// The customers each trigger kind fires for, as a query over <paramref name="customers"/> (already narrowed by the
/// playbook's conditions) that the database runs as one statement. Keys are built in SQL from the same prefixes as
/// <see cref="OccurrenceKeys"/>; date parts are numbers, so no provider formats dates as text.
/// </summary>
internal static class TriggerQueries
{
    /// <summary>Mortgage anniversaries are looked for this many days back, so a day without evaluation loses nobody.</summary>
    public const int AnniversaryGraceDays = 30;

    /// <summary>Loans renewed before they mature; mortgages run their term.</summary>
    private static readonly ProductCategory[] RenewableLoans = [ProductCategory.ConsumerLoan, ProductCategory.CorporateLoan];

    /// <summary>The candidates, or null when the trigger cannot fire at this time (not a holiday, no scoring run yet).</summary>
    public static IQueryable<TriggerCandidate>? For(CrmDbContext db, PlaybookTrigger trigger, IQueryable<Customer> customers, TriggerWindow window) => trigger.Kind switch
    {
        TriggerKind.AccountOpened => AccountOpened(db, customers, window.Today.AddDays(-(int)Math.Ceiling((trigger.Hours ?? 0) / 24.0)), window.Today, trigger.FirstAccountOnly == true),
        TriggerKind.StageChanged when window.LatestRun is { } latest => StageChanged(db, customers, PlaybookVocabulary.TryStage(trigger.Stage, out var s) ? s : default, latest, window.PreviousRun),
        TriggerKind.MortgageRepaidMonths => MortgageRepaid(db, customers, trigger.Months ?? 0, window.Today),
        TriggerKind.LoanMaturityInDays => LoanMaturity(db, customers, window.Today, trigger.Days ?? 0),
        TriggerKind.Birthday => Birthday(customers, window.Today),
        TriggerKind.Holiday when trigger.HolidayDates?.Contains(window.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) == true =>
            Each(customers, OccurrenceKeys.Holiday(window.Today)),
        TriggerKind.NeedDetected when window.LatestRun is { } latest => NeedDetected(db, customers, trigger.NeedCode ?? string.Empty, latest, window.PreviousRun),
        TriggerKind.Recurring => Each(customers, OccurrenceKeys.Recurring(trigger.Every ?? PlaybookVocabulary.Monthly, window.Today)),
        _ => null,
    };

    /// <summary>Every customer of a segment's rule (the caller puts the rule into <paramref name="members"/>), once.</summary>
    public static IQueryable<TriggerCandidate> SegmentEntry(IQueryable<Customer> members, long segmentId) => Each(members, OccurrenceKeys.SegmentEntry(segmentId));

    /// <summary>
    /// Accounts opened from <paramref name="from"/> (account dates are China days, so "the last N hours" is rounded out
    /// to whole days); with <paramref name="firstOnly"/> only a customer's first account, i.e. a new customer.
    /// </summary>
    private static IQueryable<TriggerCandidate> AccountOpened(CrmDbContext db, IQueryable<Customer> customers, DateOnly from, DateOnly today, bool firstOnly)
    {
        var accounts = db.Accounts.Where(a => a.OpenedOn >= from && a.OpenedOn <= today && a.Status != AccountStatus.Closed);
        if (firstOnly)
        {
            accounts = accounts.Where(a => !db.Accounts.Any(b => b.CustomerId == a.CustomerId && (b.OpenedOn < a.OpenedOn || (b.OpenedOn == a.OpenedOn && b.Id < a.Id))));
        }

        return from a in accounts
               join c in customers on a.CustomerId equals c.Id
               select new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = OccurrenceKeys.AccountPrefix + a.Id.ToString() };
    }

    /// <summary>In the stage on the latest run and not on the run before (a customer new since then was not in it).</summary>
    private static IQueryable<TriggerCandidate> StageChanged(CrmDbContext db, IQueryable<Customer> customers, Core.Segmentation.LifecycleStage stage, DateOnly latest, DateOnly? previous)
    {
        var key = OccurrenceKeys.StageChanged(stage, latest);
        var before = previous ?? DateOnly.MinValue;
        return from s in db.CustomerScores
               where s.RunDate == latest && s.LifecycleStage == stage
                   && !db.CustomerScores.Any(p => p.RunDate == before && p.CustomerId == s.CustomerId && p.LifecycleStage == stage)
               join c in customers on s.CustomerId equals c.Id
               select new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = key };
    }

    /// <summary>Mortgages whose N-month anniversary fell in the last <see cref="AnniversaryGraceDays"/> days: N monthly repayments made.</summary>
    private static IQueryable<TriggerCandidate> MortgageRepaid(CrmDbContext db, IQueryable<Customer> customers, int months, DateOnly today)
    {
        var latestOpening = today.AddMonths(-months);
        var earliestOpening = latestOpening.AddDays(-AnniversaryGraceDays);
        var suffix = $":{months}m";
        var mortgages = db.Products.Where(p => p.Category == ProductCategory.Mortgage).Select(p => p.Id);
        return from a in db.Accounts
               where mortgages.Contains(a.ProductId) && a.Status != AccountStatus.Closed && a.OpenedOn > earliestOpening && a.OpenedOn <= latestOpening
               join c in customers on a.CustomerId equals c.Id
               select new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = OccurrenceKeys.MortgagePrefix + a.Id.ToString() + suffix };
    }

    private static IQueryable<TriggerCandidate> LoanMaturity(CrmDbContext db, IQueryable<Customer> customers, DateOnly today, int days)
    {
        DateOnly? earliest = today;
        DateOnly? latest = today.AddDays(days);
        var loans = db.Products.Where(p => RenewableLoans.Contains(p.Category)).Select(p => p.Id);
        return from a in db.Accounts
               where loans.Contains(a.ProductId) && a.Status != AccountStatus.Closed && a.MaturesOn >= earliest && a.MaturesOn <= latest
               join c in customers on a.CustomerId equals c.Id
               select new TriggerCandidate
               {
                   CustomerId = c.Id,
                   OccurrenceKey = OccurrenceKeys.MaturityPrefix + a.Id.ToString() + ":"
                       + ((a.MaturesOn!.Value.Year * 10_000) + (a.MaturesOn.Value.Month * 100) + a.MaturesOn.Value.Day).ToString(),
               };
    }

    /// <summary>Birthdays today (China date); on 28 February of a common year, those born on 29 February too.</summary>
    private static IQueryable<TriggerCandidate> Birthday(IQueryable<Customer> customers, DateOnly today)
    {
        var key = OccurrenceKeys.Birthday(today.Year);
        var (month, day) = (today.Month, today.Day);
        var leapDay = month == 2 && day == 28 && !DateTime.IsLeapYear(today.Year);
        return customers
            .Where(c => c.BirthDate != null && c.BirthDate.Value.Month == month && (c.BirthDate.Value.Day == day || (leapDay && c.BirthDate.Value.Day == 29)))
            .Select(c => new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = key });
    }

    /// <summary>Customers with the need on the latest run and without it on the run before.</summary>
    private static IQueryable<TriggerCandidate> NeedDetected(CrmDbContext db, IQueryable<Customer> customers, string code, DateOnly latest, DateOnly? previous)
    {
        var key = OccurrenceKeys.NeedDetected(code, latest);
        var before = previous ?? DateOnly.MinValue;
        return from n in db.CustomerNeeds
               where n.RunDate == latest && n.NeedCode == code
                   && !db.CustomerNeeds.Any(p => p.RunDate == before && p.CustomerId == n.CustomerId && p.NeedCode == code)
               join c in customers on n.CustomerId equals c.Id
               select new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = key };
    }

    private static IQueryable<TriggerCandidate> Each(IQueryable<Customer> customers, string key) =>
        customers.Select(c => new TriggerCandidate { CustomerId = c.Id, OccurrenceKey = key });
}
