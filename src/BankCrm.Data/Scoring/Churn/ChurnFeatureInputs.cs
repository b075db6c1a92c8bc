using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;

namespace BankCrm.Data.Scoring.Churn;

/// <summary>One account as the churn features see it; <see cref="Balance"/> is today's, in the account's currency.</summary>
internal readonly record struct ChurnAccount(ProductCategory Category, double Balance, string Currency, bool Closed, ChurnFlows Flows);

/// <summary>An account's net flows: after the date (to rebuild the balance then) and over the 60 and 90 days up to it.</summary>
internal readonly record struct ChurnFlows(double After, double Last60, double Last90, int CountAfter)
{
    public ChurnFlows Add(ChurnFlows other) =>
        new(After + other.After, Last60 + other.Last60, Last90 + other.Last90, CountAfter + other.CountAfter);
}

/// <summary>A customer's transactions in the 180 days up to the date; <see cref="Latest"/> is null when there were none.</summary>
internal readonly record struct ChurnActivity(
    int Last30, int Last90, int Previous90, DateTime? Latest, int Salaries60, int SalariesPrevious, int Redemptions90, double TransfersOut90)
{
    public ChurnActivity Add(ChurnActivity other) => new(
        Last30 + other.Last30, Last90 + other.Last90, Previous90 + other.Previous90,
        Latest is null || other.Latest > Latest ? other.Latest : Latest,
        Salaries60 + other.Salaries60, SalariesPrevious + other.SalariesPrevious, Redemptions90 + other.Redemptions90, TransfersOut90 + other.TransfersOut90);
}

/// <summary>App logins in the 180 days up to the date.</summary>
internal readonly record struct ChurnLogins(int Last30, int Last90, int Previous90);

/// <summary>Interaction notes of the 180 days up to the date that record a complaint or mention another bank.</summary>
internal readonly record struct ChurnNotes(int Complaints, int OtherBanks);

internal readonly record struct ChurnCustomer(long Id, CustomerType Type, DateOnly? BirthDate, DateTime CreatedAt);

/// <summary>
/// Turns one customer's inputs into <see cref="ChurnFeatures"/>. The per-batch queries (training, SQLite) and the
/// streamed scoring run (PostgreSQL) gather the same inputs in different ways and both end here.
/// </summary>
internal static class ChurnFeatureBuilder
{
    public static ChurnFeatures Build(
        ChurnCustomer customer, IEnumerable<ChurnAccount> accounts, ChurnActivity activity, ChurnLogins logins, ChurnNotes notes, DateOnly asOf, ChurnWindows windows)
    {
        double aum = 0, aum60 = 0, aum90 = 0;
        var categories = new CategorySet();
        foreach (var account in accounts)
        {
            var flow = account.Flows;
            // A closed account with flows after the date was still open then.
            if (!account.Closed || flow.CountAfter > 0)
            {
                categories.Add(account.Category);
            }

            if (!account.Category.IsAsset())
            {
                continue;
            }

            var rate = account.Currency == ReferenceRates.Cny ? 1.0 : (double)ReferenceRates.ToCny(1m, account.Currency);
            var then = (account.Balance - flow.After) * rate;
            aum += then;
            aum60 += then - flow.Last60 * rate;
            aum90 += then - flow.Last90 * rate;
        }

        return new ChurnFeatures
        {
            CustomerId = customer.Id,
            IsCorporate = customer.Type == CustomerType.Corporate,
            Age = customer.BirthDate is { } birth ? (asOf.DayNumber - birth.DayNumber) / 365.25 : 0,
            TenureYears = (windows.End - customer.CreatedAt).TotalDays / 365.25,
            ProductCategories = categories.Count,
            Transactions30 = activity.Last30,
            Transactions90 = activity.Last90,
            TransactionsPrevious90 = activity.Previous90,
            DaysSinceLastTransaction = activity.Latest is { } latest ? (int)(windows.End - latest).TotalDays : ChurnWindows.Days + 1,
            Salaries60 = activity.Salaries60,
            SalariesPrevious120 = activity.SalariesPrevious,
            TransfersOut90 = activity.TransfersOut90,
            Redemptions90 = activity.Redemptions90,
            Aum = Math.Max(0, aum),
            Aum60DaysAgo = Math.Max(0, aum60),
            Aum90DaysAgo = Math.Max(0, aum90),
            Logins30 = logins.Last30,
            Logins90 = logins.Last90,
            LoginsPrevious90 = logins.Previous90,
            Complaints180 = notes.Complaints,
            OtherBankMentions180 = notes.OtherBanks,
        };
    }
}
