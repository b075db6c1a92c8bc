using Npgsql;

namespace BankCrm.Data.Scoring;

/// <summary>
/// One streamed query ordered by customer id (its first column), on a connection and read-only transaction of
/// its own. It is opened asynchronously (the first row may wait for parallel workers and compilation) and then
/// read synchronously by the one thread that merges the streams: a blocking read costs nothing while the server
/// works, where an asynchronous read per buffer would wake a thread-pool thread millions of times.
/// </summary>
internal sealed class OrderedStream : IAsyncDisposable
{
    // Rows follow each other within milliseconds, but the first may wait for parallel workers and compilation.
    private const int MinimumTimeoutSeconds = 300;

    // Fewer, larger socket reads (and TLS records) than Npgsql's default 8 KB.
    private const int ReadBufferBytes = 64 * 1024;

    private readonly NpgsqlConnection connection;
    private NpgsqlTransaction? transaction;
    private NpgsqlCommand? command;
    private NpgsqlDataReader? reader;

    private OrderedStream(NpgsqlConnection connection) => this.connection = connection;

    public bool HasRow { get; private set; }

    /// <summary>The customer id of the current row; <see cref="long.MaxValue"/> after the last.</summary>
    public long Key { get; private set; }

    public NpgsqlDataReader Row => reader!;

    public static async Task<OrderedStream> OpenAsync(
        string connectionString, string sql, string settings, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ReadBufferSize = ReadBufferBytes };
        var stream = new OrderedStream(new NpgsqlConnection(builder.ConnectionString));
        try
        {
            await stream.connection.OpenAsync(cancellationToken);
            stream.transaction = await stream.connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
            await using (var set = new NpgsqlCommand(settings + "; SET TRANSACTION READ ONLY", stream.connection, stream.transaction))
            {
                await set.ExecuteNonQueryAsync(cancellationToken);
            }

            stream.command = new NpgsqlCommand(sql, stream.connection, stream.transaction);
            stream.command.CommandTimeout = Math.Max(stream.command.CommandTimeout, MinimumTimeoutSeconds);
            bind(stream.command);
            stream.reader = await stream.command.ExecuteReaderAsync(cancellationToken);
            await stream.NextAsync(cancellationToken);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public void Next()
    {
        HasRow = reader!.Read();
        Key = HasRow ? reader.GetInt64(0) : long.MaxValue;
    }

    /// <summary>Skips rows of customers before <paramref name="customerId"/> (none, but for rows added during the run); true when the current row is that customer's.</summary>
    public bool At(long customerId)
    {
        while (Key < customerId)
        {
            Next();
        }

        return Key == customerId;
    }

    /// <summary>Stops the query on the server (a blocked read then fails at once); safe from any thread.</summary>
    public void Cancel()
    {
        if (HasRow)
        {
            Quietly(() => command?.Cancel());
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing a reader reads the rest of its rows: the query is cancelled first. Cleanup after a failure or a
        // cancellation must not hide it: errors of a connection already broken are dropped.
        Cancel();
        if (reader is not null)
        {
            await QuietlyAsync(reader.DisposeAsync);
        }

        if (command is not null)
        {
            await QuietlyAsync(command.DisposeAsync);
        }

        if (transaction is not null)
        {
            await QuietlyAsync(transaction.DisposeAsync);
        }

        await connection.DisposeAsync();
    }

    private async Task NextAsync(CancellationToken cancellationToken)
    {
        HasRow = await reader!.ReadAsync(cancellationToken);
        Key = HasRow ? reader.GetInt64(0) : long.MaxValue;
    }

    private static void Quietly(Action cleanup)
    {
        try
        {
            cleanup();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
        }
    }

    private static async Task QuietlyAsync(Func<ValueTask> cleanup)
    {
        try
        {
            await cleanup();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
        }
    }
}
