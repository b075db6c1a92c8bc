using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;

namespace BankCrm.Data.Scoring;

internal readonly record struct CustomerRow(long Id, CustomerType Type, DateTime CreatedAt, DateOnly? BirthDate, bool ImportExport);

internal readonly record struct AccountRow(long Id, long CustomerId, ProductCategory Category, string Name, decimal Balance, string Currency, DateOnly OpenedOn, DateOnly? MaturesOn);

/// <summary>One customer's row of the transactions aggregate (<see cref="SignalSql.Transactions"/>, columns 1–11).</summary>
internal readonly record struct TransactionTotals(
    DateTime? Last, int Frequency, decimal Monetary, int Current, int Previous, decimal NetAssetFlow,
    int CrossBorder3Months, int Baby6Months, decimal BabySpend6Months, int Education6Months, int Home6Months);

/// <summary>One customer's row of the app-events aggregate (<see cref="SignalSql.AppEvents"/>, columns 1–4).</summary>
internal readonly record struct EventTotals(int LoginsCurrent, int LoginsPrevious, int FxRateQueries3Months, int InvestmentViews30Days);

/// <summary>
/// Turns the rows of one customer — the customer, the open accounts and its row of each aggregate query — into the
/// signals the rules read. Both ways of reading (per batch and streamed) end here, so they convert values the same way.
/// </summary>
internal static class SignalRows
{
    /// <summary>The signals of one customer; sorts <paramref name="accounts"/> (the customer's open accounts) by id in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CustomerSignals Combine(CustomerRow c, List<AccountRow> accounts, TransactionTotals? t, EventTotals? e, int complaints, DateOnly runDate)
    {
        var soon = runDate.AddDays(60);
        var categories = new CategorySet();
        decimal aum = 0, demand = 0;
        DateOnly? mortgage = null;
        List<MaturingHolding>? maturing = null;
        // In account order, so needs that name one of several holdings name the same one whatever order the query returned.
        accounts.Sort(static (x, y) => x.Id.CompareTo(y.Id));
        foreach (var a in accounts)
        {
            categories.Add(a.Category);
            if (a.Category.IsAsset())
            {
                aum += ReferenceRates.ToCny(a.Balance, a.Currency);
            }

            if (a.Category == ProductCategory.DemandDeposit)
            {
                demand += a.Balance;
            }

            if (a.Category == ProductCategory.Mortgage && (mortgage is null || a.OpenedOn < mortgage))
            {
                mortgage = a.OpenedOn;
            }

            if (a.MaturesOn is { } m && m >= runDate && m <= soon)
            {
                (maturing ??= []).Add(new MaturingHolding(a.Category, a.Name, a.Balance, m));
            }
        }

        var tx = t.GetValueOrDefault();
        var ev = e.GetValueOrDefault();
        return new CustomerSignals
        {
            CustomerId = c.Id,
            Type = c.Type,
            CustomerSince = DateOnly.FromDateTime(ChinaTime.FromUtc(c.CreatedAt)),
            AgeYears = c.BirthDate is { } birth ? Age(birth, runDate) : null,
            ImportExportBusiness = c.ImportExport,
            Aum = aum,
            CategoriesHeld = categories,
            DemandBalance = demand,
            MortgageOpenedOn = mortgage,
            Maturing = maturing ?? [],
            LastTransactionAt = tx.Last,
            Frequency = tx.Frequency,
            Monetary = tx.Monetary,
            TransactionsCurrent = tx.Current,
            TransactionsPrevious = tx.Previous,
            NetAssetFlow = tx.NetAssetFlow,
            CrossBorderTransactions3Months = tx.CrossBorder3Months,
            BabyPurchases6Months = tx.Baby6Months,
            BabySpend6Months = tx.BabySpend6Months,
            EducationPurchases6Months = tx.Education6Months,
            HomePurchases6Months = tx.Home6Months,
            LoginsCurrent = ev.LoginsCurrent,
            LoginsPrevious = ev.LoginsPrevious,
            FxRateQueries3Months = ev.FxRateQueries3Months,
            InvestmentViews30Days = ev.InvestmentViews30Days,
            Complaints12Months = complaints,
        };
    }

    /// <summary>Just the RFM values, from a row of <see cref="SignalSql.Rfm"/> (the first columns of the transactions aggregate).</summary>
    public static CustomerSignals Rfm(long customerId, object?[]? row) => new()
    {
        CustomerId = customerId,
        LastTransactionAt = Time(row, 1),
        Frequency = Int(row, 2),
        Monetary = Dec(row, 3),
    };

    public static TransactionTotals Transactions(DbDataReader r) => new(
        r.IsDBNull(1) ? null : Utc(r.GetValue(1)), Int(r, 2), Dec(r, 3), Int(r, 4), Int(r, 5), Dec(r, 6), Int(r, 7), Int(r, 8), Dec(r, 9), Int(r, 10), Int(r, 11));

    public static EventTotals Events(DbDataReader r) => new(Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4));

    public static int Count(DbDataReader r) => Int(r, 1);

    /// <summary>The current row of an aggregate query, SQL NULL as null.</summary>
    public static object?[] Read(DbDataReader reader)
    {
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return values;
    }

    // SUM and COUNT come back as bigint or numeric on PostgreSQL and as integer, real or text on SQLite.
    private static int Int(DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static decimal Dec(DbDataReader r, int i) => r.IsDBNull(i) ? 0m : decimal.Round(Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture), 2);

    private static int Int(object?[]? row, int i) => row?[i] is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;

    private static decimal Dec(object?[]? row, int i) => row?[i] is { } v ? decimal.Round(Convert.ToDecimal(v, CultureInfo.InvariantCulture), 2) : 0m;

    private static DateTime? Time(object?[]? row, int i) => row?[i] is { } v ? Utc(v) : null;

    /// <summary>PostgreSQL returns a UTC DateTime; SQLite the stored text.</summary>
    private static DateTime Utc(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => throw new InvalidOperationException($"Unexpected timestamp {value.GetType()}"),
    };

    private static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
