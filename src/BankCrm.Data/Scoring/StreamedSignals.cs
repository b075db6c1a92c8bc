using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Consent;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring.Churn;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Signals of every customer after a given id from one pass over each table (PostgreSQL): up to six queries
/// ordered by customer id run at the same time on connections of their own (<see cref="SignalStreamSql"/>) and one
/// thread merges them customer by customer, so the server aggregates the transactions and the app events in
/// other processes while the run scores and writes. The merge runs at most two batches ahead of the consumer;
/// memory holds those batches, never the population. With <paramref name="churn"/> the same pass also gathers
/// the churn model's inputs (<see cref="ChurnFeatureBuilder"/>), so scoring with a model reads no table twice.
/// </summary>
internal sealed class StreamedSignals(CrmDbContextFactory factory, ScoringPeriods periods, DateOnly? previousDate, int batchSize, bool churn = false) : ISignalSource
{
    private const int BatchesAhead = 2;

    public async IAsyncEnumerable<SignalBatch> ReadAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<int, (ProductCategory Category, string Name)> products;
        await using (var db = factory.CreateDbContext())
        {
            products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.Category, p.Name), cancellationToken);
        }

        var streams = await OpenAllAsync(after, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<SignalBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        var merge = new Merge(streams, products, periods, batchSize, churn, batches.Writer);
        var producer = Task.Factory.StartNew(() => merge.Run(stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            // The consumer stopped (done, failed or cancelled): a read blocked on the server fails once its query is cancelled.
            using (stop.Token.Register(() => streams.ForEach(s => s.Cancel())))
            {
                await stop.CancelAsync();
                await producer;
            }

            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>Starts every query at once (each waits for its first row on the server); if one fails, the others are closed.</summary>
    private async Task<List<OrderedStream>> OpenAllAsync(long after, CancellationToken cancellationToken)
    {
        var transactions = SignalStreamSql.Transactions(churn);
        var (customers, consentParameters) = ProfiledCustomers(after);
        string[] queries = [customers, SignalStreamSql.Accounts, transactions, SignalStreamSql.AppEvents(churn), SignalStreamSql.Complaints];
        if (previousDate is not null)
        {
            queries = [.. queries, SignalStreamSql.Previous];
        }

        // Only the transactions, the biggest table by far, are read in parallel (SignalStreamSql.Parallel).
        var opening = queries.Select(sql => OrderedStream.OpenAsync(
            factory.Options.ConnectionString, sql, SignalStreamSql.Settings + "; " + (sql == transactions ? SignalStreamSql.Parallel : SignalStreamSql.Serial),
            command => Bind(command, after, sql == customers ? consentParameters : null), cancellationToken)).ToList();
        try
        {
            return [.. await Task.WhenAll(opening)];
        }
        catch
        {
            foreach (var open in opening.Where(o => o.IsCompletedSuccessfully))
            {
                await (await open).DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// The customers stream (id, type, created, birth date, import/export business; in id order): the customers who
    /// may be profiled, as EF Core translates <see cref="ProfilingScope"/>, so the run filters with the same SQL as every
    /// other profiling path. The other streams read every customer; the merge skips rows of customers not in this one.
    /// </summary>
    private (string Sql, List<NpgsqlParameter> Parameters) ProfiledCustomers(long after)
    {
        using var db = factory.CreateDbContext();
        using var command = db.Customers.AsNoTracking().Where(c => c.Id > after).MayBeProfiled(db, periods.ConsentAt).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Type, c.CreatedAt, c.BirthDate, c.ImportExportBusiness })
            .CreateDbCommand();
        return (command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]);
    }

    private void Bind(NpgsqlCommand command, long after, List<NpgsqlParameter>? own)
    {
        if (own is not null)
        {
            command.Parameters.AddRange(own.Select(p => p.Clone()).ToArray());
            return;
        }

        SignalLoader.Bind(command, periods, after, long.MaxValue);
        if (previousDate is { } date && command.CommandText.Contains("@previous", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("previous", date);
        }
    }

    /// <summary>The merge, on a thread of its own: reads every stream in step, customer by customer.</summary>
    private sealed class Merge(
        List<OrderedStream> streams, Dictionary<int, (ProductCategory Category, string Name)> products, ScoringPeriods periods, int batchSize, bool churn,
        ChannelWriter<SignalBatch> output)
    {
        private readonly DateOnly runDate = periods.RunDate;
        private readonly ChurnWindows windows = periods.Churn;

        public void Run(CancellationToken cancellationToken)
        {
            try
            {
                MergeAll(cancellationToken);
                output.Complete();
            }
            catch (Exception failure)
            {
                output.TryComplete(cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : failure);
            }
        }

        // Hot loops of the run are compiled fully optimized at once: a million customers pass through them in a minute,
        // and on a busy machine the runtime's background recompilation comes late.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void MergeAll(CancellationToken cancellationToken)
        {
            var (customers, accounts, transactions, events, complaints) = (streams[0], streams[1], streams[2], streams[3], streams[4]);
            var previousScores = streams.Count > 5 ? streams[5] : null;
            var batch = new List<CustomerSignals>(batchSize);
            var previous = new Dictionary<long, PreviousScore>();
            var churnBatch = churn ? new List<ChurnFeatures>(batchSize) : null;
            var held = new List<AccountRow>();
            var assetAccounts = new List<long>();
            var churnAccounts = new List<(long Id, ChurnAccount Account)>();
            while (customers.HasRow)
            {
                var c = customers.Row;
                var id = c.GetInt64(0);
                var customer = new CustomerRow(id, (CustomerType)c.GetInt32(1), c.GetDateTime(2), c.IsDBNull(3) ? null : c.GetFieldValue<DateOnly>(3), c.GetBoolean(4));

                held.Clear();
                assetAccounts.Clear();
                churnAccounts.Clear();
                for (; accounts.At(id); accounts.Next())
                {
                    var a = accounts.Row;
                    var (category, name) = products[a.GetInt32(2)];
                    var (accountId, balance, currency, openedOn) = (a.GetInt64(1), a.GetDecimal(3), a.IsDBNull(4) ? ReferenceRates.Cny : a.GetString(4), a.GetFieldValue<DateOnly>(5));
                    var closed = (AccountStatus)a.GetInt32(7) == AccountStatus.Closed;
                    if (category.IsAsset())
                    {
                        assetAccounts.Add(accountId);
                    }

                    if (churn && openedOn <= runDate)
                    {
                        churnAccounts.Add((accountId, new ChurnAccount(category, (double)balance, currency, closed, default)));
                    }

                    if (!closed)
                    {
                        held.Add(new AccountRow(accountId, id, category, name, balance, currency, openedOn, a.IsDBNull(6) ? null : a.GetFieldValue<DateOnly>(6)));
                    }
                }

                TransactionTotals? t = null;
                ChurnActivity activity = default;
                for (; transactions.At(id); transactions.Next())
                {
                    var r = transactions.Row;
                    if (churn)
                    {
                        activity = activity.Add(ReadChurnActivity(r));
                        AddChurnFlows(r, churnAccounts);
                    }

                    // With the churn columns the scan reaches past the run date; rows of those days only add zeros here.
                    t = ReadTransactions(r, assetAccounts, t);
                }

                ChurnLogins logins = default;
                EventTotals? e = null;
                if (events.At(id))
                {
                    e = ReadEvents(events.Row);
                    logins = churn ? new ChurnLogins(Count(events.Row, 5), Count(events.Row, 6), Count(events.Row, 7)) : default;
                    events.Next();
                }

                var complaintCount = 0;
                ChurnNotes notes = default;
                if (complaints.At(id))
                {
                    complaintCount = Count(complaints.Row, 1);
                    notes = new ChurnNotes(Count(complaints.Row, 2), Count(complaints.Row, 3));
                    complaints.Next();
                }

                if (churnBatch is not null && customer.CreatedAt < windows.End)
                {
                    churnBatch.Add(ChurnFeatureBuilder.Build(
                        new ChurnCustomer(id, customer.Type, customer.BirthDate, customer.CreatedAt), churnAccounts.Select(a => a.Account), activity, logins, notes, runDate, windows));
                }

                if (previousScores is not null && previousScores.At(id))
                {
                    var p = previousScores.Row;
                    previous[id] = new PreviousScore((LifecycleStage)p.GetInt32(1), p.GetFieldValue<DateOnly>(2));
                    previousScores.Next();
                }

                batch.Add(SignalRows.Combine(customer, held, t, e, complaintCount, runDate));
                customers.Next();
                if (batch.Count == batchSize || !customers.HasRow)
                {
                    Write(new SignalBatch(id, batch, previous, churnBatch), cancellationToken);
                    batch = new List<CustomerSignals>(batchSize);
                    previous = [];
                    churnBatch = churn ? new List<ChurnFeatures>(batchSize) : null;
                }
            }
        }

        private void Write(SignalBatch batch, CancellationToken cancellationToken)
        {
            while (!output.TryWrite(batch))
            {
                // The consumer is two batches behind: this thread has nothing else to do.
                output.WaitToWriteAsync(cancellationToken).AsTask().Wait(cancellationToken);
            }
        }

        // Typed reads of the columns of SignalStreamSql (the same values SignalRows converts from SignalSql's rows).

        /// <summary>Adds one account's row to the customer's totals; its six-month flow counts when it is an asset account.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static TransactionTotals ReadTransactions(NpgsqlDataReader r, List<long> assetAccounts, TransactionTotals? sum)
        {
            var s = sum.GetValueOrDefault();
            DateTime? last = r.IsDBNull(1) ? null : r.GetDateTime(1);
            var flow = assetAccounts.Contains(r.GetInt64(12)) ? Sum(r, 6) : 0m;
            return new TransactionTotals(
                last > s.Last || s.Last is null ? last : s.Last, s.Frequency + Count(r, 2), s.Monetary + Sum(r, 3), s.Current + Count(r, 4),
                s.Previous + Count(r, 5), s.NetAssetFlow + flow, s.CrossBorder3Months + Count(r, 7), s.Baby6Months + Count(r, 8),
                s.BabySpend6Months + Sum(r, 9), s.Education6Months + Count(r, 10), s.Home6Months + Count(r, 11));
        }

        private static EventTotals ReadEvents(NpgsqlDataReader r) => new(Count(r, 1), Count(r, 2), Count(r, 3), Count(r, 4));

        /// <summary>One account's share of the customer's churn activity (columns 17–24 of the transactions stream).</summary>
        private static ChurnActivity ReadChurnActivity(NpgsqlDataReader r) => new(
            Count(r, 17), Count(r, 18), Count(r, 19), r.IsDBNull(20) ? null : r.GetDateTime(20), Count(r, 21), Count(r, 22), Count(r, 23), Double(r, 24));

        /// <summary>Puts the account's churn flows (columns 13–16) on the account, when it was open by the run date.</summary>
        private static void AddChurnFlows(NpgsqlDataReader r, List<(long Id, ChurnAccount Account)> accounts)
        {
            var accountId = r.GetInt64(12);
            var index = accounts.FindIndex(a => a.Id == accountId);
            if (index >= 0)
            {
                var (id, account) = accounts[index];
                accounts[index] = (id, account with { Flows = account.Flows.Add(new ChurnFlows(Double(r, 13), Double(r, 15), Double(r, 16), Count(r, 14))) });
            }
        }

        private static double Double(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? 0 : (double)r.GetDecimal(i);

        private static int Count(NpgsqlDataReader r, int i) => checked((int)r.GetInt64(i));

        private static decimal Sum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? 0m : decimal.Round(r.GetDecimal(i), 2);
    }
}
