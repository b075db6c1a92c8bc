using System.Data.Common;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BankCrm.Data.Scoring;

/// <summary>Gathers the signals of one batch of customers (ids in (from, to]) with five set-based range queries.</summary>
internal static class SignalLoader
{
    /// <summary>The next batch of ids of customers who may be profiled after <paramref name="after"/>, in id order; empty when done.</summary>
    public static Task<List<long>> NextIdsAsync(CrmDbContext db, long after, int size, ScoringPeriods periods, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Id > after).MayBeProfiled(db, periods.ConsentAt).OrderBy(c => c.Id).Select(c => c.Id).Take(size).ToListAsync(cancellationToken);

    /// <summary>
    /// The signals of the customers in (from, to] who may be profiled. The aggregates read the whole range, but only
    /// those customers are combined: the others get no signals, hence no score, need or churn row.
    /// </summary>
    public static async Task<List<CustomerSignals>> LoadAsync(CrmDbContext db, long from, long to, ScoringPeriods periods, CancellationToken cancellationToken)
    {
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.Id > from && c.Id <= to)
            .MayBeProfiled(db, periods.ConsentAt)
            .OrderBy(c => c.Id)
            .Select(c => new CustomerRow(c.Id, c.Type, c.CreatedAt, c.BirthDate, c.ImportExportBusiness))
            .ToListAsync(cancellationToken);
        var accounts = (await db.Accounts.AsNoTracking()
                .Where(a => a.CustomerId > from && a.CustomerId <= to && a.Status != AccountStatus.Closed)
                .Join(db.Products, a => a.ProductId, p => p.Id, (a, p) => new AccountRow(a.Id, a.CustomerId, p.Category, p.Name, a.Balance, a.Currency, a.OpenedOn, a.MaturesOn))
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.CustomerId);

        var transactions = await AggregateAsync(db, SignalSql.Transactions, from, to, periods, SignalRows.Transactions, cancellationToken);
        var events = await AggregateAsync(db, SignalSql.AppEvents, from, to, periods, SignalRows.Events, cancellationToken);
        var complaints = await AggregateAsync(db, SignalSql.Complaints, from, to, periods, SignalRows.Count, cancellationToken);

        return
        [
            .. customers.Select(c => SignalRows.Combine(
                c, [.. accounts[c.Id]], transactions.TryGetValue(c.Id, out var t) ? t : null, events.TryGetValue(c.Id, out var e) ? e : null,
                complaints.GetValueOrDefault(c.Id), periods.RunDate)),
        ];
    }

    /// <summary>Runs one aggregate query over the range: one row per customer, keyed by the customer id in its first column.</summary>
    public static async Task<Dictionary<long, T>> AggregateAsync<T>(
        CrmDbContext db, string sql, long from, long to, ScoringPeriods periods, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        Bind(command, periods, from, to);

        var rows = new Dictionary<long, T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)] = read(reader);
        }

        return rows;
    }

    /// <summary>Binds the parameters the query names, of the id range and of the run's periods (one list serves every query).</summary>
    public static void Bind(DbCommand command, ScoringPeriods periods, long from, long to)
    {
        Add(command, "from", from);
        Add(command, "after", from);
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
        var churn = periods.Churn;
        Add(command, "c30", churn.Days30);
        Add(command, "c60", churn.Days60);
        Add(command, "c90", churn.Days90);
        Add(command, "c180", churn.Days180);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        // Word-bounded: "@m3" must not bind for a query that only names "@m30".
        if (!System.Text.RegularExpressions.Regex.IsMatch(command.CommandText, $@"@{name}\b"))
        {
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
