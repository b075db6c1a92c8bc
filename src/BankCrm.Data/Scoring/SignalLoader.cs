using System.Data.Common;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BankCrm.Data.Scoring;

/// <summary>Gathers the signals of one batch of customers (ids in (from, to]) with four set-based queries.</summary>
internal static class SignalLoader
{
    private sealed record CustomerRow(long Id, CustomerType Type, DateTime CreatedAt, DateOnly? BirthDate, bool ImportExport);

    private sealed record AccountRow(long CustomerId, ProductCategory Category, string Name, decimal Balance, string Currency, DateOnly OpenedOn, DateOnly? MaturesOn);

    /// <summary>The next batch of customer ids after <paramref name="after"/>, in id order; empty when done.</summary>
    public static Task<List<long>> NextIdsAsync(CrmDbContext db, long after, int size, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => c.Id).Take(size).ToListAsync(cancellationToken);

    public static async Task<List<CustomerSignals>> LoadAsync(CrmDbContext db, long from, long to, ScoringPeriods periods, CancellationToken cancellationToken)
    {
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.Id > from && c.Id <= to)
            .OrderBy(c => c.Id)
            .Select(c => new CustomerRow(c.Id, c.Type, c.CreatedAt, c.BirthDate, c.ImportExportBusiness))
            .ToListAsync(cancellationToken);
        var accounts = (await db.Accounts.AsNoTracking()
                .Where(a => a.CustomerId > from && a.CustomerId <= to && a.Status != AccountStatus.Closed)
                .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new AccountRow(a.CustomerId, p.Category, p.Name, a.Balance, a.Currency, a.OpenedOn, a.MaturesOn))
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.CustomerId);

        var transactions = await AggregateAsync(db, SignalSql.Transactions, from, to, periods, cancellationToken);
        var events = await AggregateAsync(db, SignalSql.AppEvents, from, to, periods, cancellationToken);
        var complaints = await AggregateAsync(db, SignalSql.Complaints, from, to, periods, cancellationToken);

        return [.. customers.Select(c => Combine(c, accounts[c.Id], transactions.GetValueOrDefault(c.Id), events.GetValueOrDefault(c.Id), complaints.GetValueOrDefault(c.Id), periods.RunDate))];
    }

    private static CustomerSignals Combine(CustomerRow c, IEnumerable<AccountRow> accounts, object?[]? t, object?[]? e, object?[]? complaints, DateOnly runDate)
    {
        var held = accounts.ToList();
        var soon = runDate.AddDays(60);
        return new CustomerSignals
        {
            CustomerId = c.Id,
            Type = c.Type,
            CustomerSince = DateOnly.FromDateTime(ChinaTime.FromUtc(c.CreatedAt)),
            AgeYears = c.BirthDate is { } birth ? Age(birth, runDate) : null,
            ImportExportBusiness = c.ImportExport,
            Aum = held.Where(a => a.Category.IsAsset()).Sum(a => ReferenceRates.ToCny(a.Balance, a.Currency)),
            CategoriesHeld = held.Select(a => a.Category).ToHashSet(),
            DemandBalance = held.Where(a => a.Category == ProductCategory.DemandDeposit).Sum(a => a.Balance),
            MortgageOpenedOn = held.Where(a => a.Category == ProductCategory.Mortgage).Select(a => (DateOnly?)a.OpenedOn).Min(),
            Maturing = [.. held.Where(a => a.MaturesOn is { } m && m >= runDate && m <= soon).Select(a => new MaturingHolding(a.Category, a.Name, a.Balance, a.MaturesOn!.Value))],
            LastTransactionAt = t?[1] is { } last ? ToUtc(last) : null,
            Frequency = Int(t, 2),
            Monetary = Dec(t, 3),
            TransactionsCurrent = Int(t, 4),
            TransactionsPrevious = Int(t, 5),
            NetAssetFlow = Dec(t, 6),
            CrossBorderTransactions3Months = Int(t, 7),
            BabyPurchases6Months = Int(t, 8),
            BabySpend6Months = Dec(t, 9),
            EducationPurchases6Months = Int(t, 10),
            HomePurchases6Months = Int(t, 11),
            LoginsCurrent = Int(e, 1),
            LoginsPrevious = Int(e, 2),
            FxRateQueries3Months = Int(e, 3),
            InvestmentViews30Days = Int(e, 4),
            Complaints12Months = Int(complaints, 1),
        };
    }

    private static async Task<Dictionary<long, object?[]>> AggregateAsync(CrmDbContext db, string sql, long from, long to, ScoringPeriods periods, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Add(command, "from", from);
        Add(command, "to", to);
        Add(command, "end", periods.End);
        Add(command, "scan", periods.ScanStart);
        Add(command, "escan", periods.EventScanStart);
        Add(command, "rfm", periods.RfmStart);
        Add(command, "cur", periods.CurrentStart);
        Add(command, "prev", periods.PreviousStart);
        Add(command, "d30", periods.Days30Start);
        Add(command, "m3", periods.Months3Start);
        Add(command, "m6", periods.Months6Start);
        Add(command, "m12", periods.Months12Start);

        var rows = new Dictionary<long, object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows[Convert.ToInt64(values[0], System.Globalization.CultureInfo.InvariantCulture)] = values;
        }

        return rows;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        // One list serves the three queries; each binds only the parameters it names.
        if (!command.CommandText.Contains("@" + name, StringComparison.Ordinal))
        {
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static int Int(object?[]? row, int index) =>
        row?[index] is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static decimal Dec(object?[]? row, int index) =>
        row?[index] is { } v ? decimal.Round(Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture), 2) : 0m;

    /// <summary>PostgreSQL returns a UTC DateTime; SQLite the stored text.</summary>
    private static DateTime ToUtc(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => throw new InvalidOperationException($"Unexpected timestamp {value.GetType()}"),
    };

    private static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
