using System.Runtime.CompilerServices;
using System.Threading.Channels;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Signals of every customer after a given id from one pass over each table (PostgreSQL): up to six queries
/// ordered by customer id run at the same time on connections of their own (<see cref="SignalStreamSql"/>) and one
/// thread merges them customer by customer, so the server aggregates the transactions and the app events in
/// other processes while the run scores and writes. The merge runs at most two batches ahead of the consumer;
/// memory holds those batches, never the population.
/// </summary>
internal sealed class StreamedSignals(CrmDbContextFactory factory, ScoringPeriods periods, DateOnly? previousDate, int batchSize) : ISignalSource
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
        var merge = new Merge(streams, products, periods.RunDate, batchSize, batches.Writer);
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
        string[] queries = [SignalStreamSql.Customers, SignalStreamSql.Accounts, SignalStreamSql.Transactions, SignalStreamSql.AppEvents, SignalStreamSql.Complaints];
        if (previousDate is not null)
        {
            queries = [.. queries, SignalStreamSql.Previous];
        }

        var opening = queries.Select(sql => OrderedStream.OpenAsync(
            factory.Options.ConnectionString, sql, SettingsOf(sql), command => Bind(command, after), cancellationToken)).ToList();
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

    private static string SettingsOf(string sql) =>
        SignalStreamSql.Settings + "; " + (sql == SignalStreamSql.Transactions ? SignalStreamSql.Parallel : SignalStreamSql.Serial);

    private void Bind(NpgsqlCommand command, long after)
    {
        SignalLoader.Bind(command, periods, after, long.MaxValue);
        if (previousDate is { } date && command.CommandText.Contains("@previous", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("previous", date);
        }
    }

    /// <summary>The merge, on a thread of its own: reads every stream in step, customer by customer.</summary>
    private sealed class Merge(
        List<OrderedStream> streams, Dictionary<int, (ProductCategory Category, string Name)> products, DateOnly runDate, int batchSize, ChannelWriter<SignalBatch> output)
    {
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
            var held = new List<AccountRow>();
            var assetAccounts = new List<long>();
            while (customers.HasRow)
            {
                var c = customers.Row;
                var id = c.GetInt64(0);
                var customer = new CustomerRow(id, (CustomerType)c.GetInt32(1), c.GetDateTime(2), c.IsDBNull(3) ? null : c.GetFieldValue<DateOnly>(3), c.GetBoolean(4));

                held.Clear();
                assetAccounts.Clear();
                for (; accounts.At(id); accounts.Next())
                {
                    var a = accounts.Row;
                    var (category, name) = products[a.GetInt32(2)];
                    if (category.IsAsset())
                    {
                        assetAccounts.Add(a.GetInt64(1));
                    }

                    if ((AccountStatus)a.GetInt32(7) != AccountStatus.Closed)
                    {
                        held.Add(new AccountRow(a.GetInt64(1), id, category, name, a.GetDecimal(3), a.IsDBNull(4) ? ReferenceRates.Cny : a.GetString(4), a.GetFieldValue<DateOnly>(5), a.IsDBNull(6) ? null : a.GetFieldValue<DateOnly>(6)));
                    }
                }

                TransactionTotals? t = null;
                for (; transactions.At(id); transactions.Next())
                {
                    t = ReadTransactions(transactions.Row, assetAccounts, t);
                }

                EventTotals? e = events.At(id) ? ReadEvents(events) : null;
                var complaintCount = complaints.At(id) ? ReadCount(complaints) : 0;
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
                    Write(new SignalBatch(id, batch, previous), cancellationToken);
                    batch = new List<CustomerSignals>(batchSize);
                    previous = [];
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

        private static EventTotals ReadEvents(OrderedStream stream)
        {
            var r = stream.Row;
            var totals = new EventTotals(Count(r, 1), Count(r, 2), Count(r, 3), Count(r, 4));
            stream.Next();
            return totals;
        }

        private static int ReadCount(OrderedStream stream)
        {
            var count = Count(stream.Row, 1);
            stream.Next();
            return count;
        }

        private static int Count(NpgsqlDataReader r, int i) => checked((int)r.GetInt64(i));

        private static decimal Sum(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? 0m : decimal.Round(r.GetDecimal(i), 2);
    }
}
