using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Scoring;

/// <summary>
/// On PostgreSQL a session-level advisory lock held for the whole run, so only one instance of a cluster of web
/// servers scores at a time (each would otherwise fire its nightly job). SQLite is one process: nothing to do.
/// </summary>
internal sealed class ClusterLock : IAsyncDisposable
{
    // Any constant shared by every instance; "SCOR" in ASCII.
    private const long Key = 0x53434F52;

    private readonly CrmDbContext? db;

    private ClusterLock(CrmDbContext? db) => this.db = db;

    public static async Task<ClusterLock?> TryAcquireAsync(CrmDbContextFactory factory, CancellationToken cancellationToken)
    {
        if (factory.Options.Provider != DatabaseProvider.Postgres)
        {
            return new ClusterLock(null);
        }

        var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var acquired = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({Key}) AS \"Value\"").SingleAsync(cancellationToken);
        if (acquired)
        {
            return new ClusterLock(db);
        }

        await db.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            // Closing the session releases the lock as well; unlocking first returns it before the pool keeps the connection.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await db.DisposeAsync();
        }
    }
}
