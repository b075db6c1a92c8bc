using BankCrm.Data.Database;
using BankCrm.Integration.Tests.Customers;
using BankCrm.Integration.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BankCrm.Integration.Tests.Audit;

/// <summary>
/// Someone with write access to the database (a DBA, or the table owner after disabling the append-only trigger)
/// edits the log behind the app's back; `verify` must name the first broken entry each time.
/// One test, because every step changes the one log of this class's database.
/// </summary>
public abstract class AuditTamperTests(BankCrmApp app)
{
    [Fact]
    public async Task Verify_names_the_first_entry_that_was_altered_deleted_or_swapped()
    {
        using var rm1 = await app.ClientForAsync("rm1");
        for (var i = 0; i < 4; i++)
        {
            await rm1.CreateAsync(CustomerApi.Individual("孙篡改" + i));
        }

        Assert.True((await app.VerifyAsync()).Intact);
        await using var db = app.CreateDbContext();
        await AssertTriggerRefusesAsync(db);
        await DisableTriggersAsync(db);
        var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        Assert.True(ids.Count >= 6, $"only {ids.Count} entries");
        var (second, third, fifth) = (ids[1], ids[2], ids[4]);

        // 1. Change one field of one entry.
        var name = await db.AuditEntries.Where(e => e.Id == third).Select(e => e.ActorName).SingleAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor_name = 'nobody' WHERE id = {0}", third);
        var altered = await app.VerifyAsync();
        Assert.False(altered.Intact);
        Assert.Equal(third, altered.BrokenAtId);
        Assert.Contains("altered", altered.Reason, StringComparison.Ordinal);
        Assert.Equal($"audit log broken at entry #{third}: {altered.Reason}", altered.Message);
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor_name = {0} WHERE id = {1}", name, third);
        Assert.True((await app.VerifyAsync()).Intact);

        // 2. Delete a row: the entry after the gap is named.
        var deleted = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == third);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = {0}", third);
        var gap = await app.VerifyAsync();
        Assert.Equal(third + 1, gap.BrokenAtId);
        Assert.Contains("deleted", gap.Reason, StringComparison.Ordinal);
        db.AuditEntries.Add(deleted);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Assert.True((await app.VerifyAsync()).Intact);

        // 3. Swap the contents of two rows, ids staying in place: the earlier one no longer matches its hash.
        await SwapAsync(db, second, fifth);
        var swapped = await app.VerifyAsync();
        Assert.Equal(second, swapped.BrokenAtId);
        Assert.Contains("altered", swapped.Reason, StringComparison.Ordinal);
        await SwapAsync(db, second, fifth);
        Assert.True((await app.VerifyAsync()).Intact);

        // 4. Overwrite a stored hash.
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET hash = {0} WHERE id = {1}", new string('f', 64), second);
        var rehashed = await app.VerifyAsync();
        Assert.Equal(second, rehashed.BrokenAtId);
    }

    protected abstract Task DisableTriggersAsync(CrmDbContext db);

    /// <summary>The provider's error for a statement the append-only trigger refused, with the trigger's own message.</summary>
    protected abstract Task AssertRefusedByTriggerAsync(Func<Task> statement, string operation);

    private async Task AssertTriggerRefusesAsync(CrmDbContext db)
    {
        await AssertRefusedByTriggerAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor_name = 'x' WHERE id = 1"), "UPDATE");
        await AssertRefusedByTriggerAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = 1"), "DELETE");
    }

    private static async Task SwapAsync(CrmDbContext db, long a, long b)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Id == a || e.Id == b).OrderBy(e => e.Id).ToListAsync();
        foreach (var (target, source) in new[] { (a, rows[1]), (b, rows[0]) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE audit_entries SET occurred_at = {0}, actor_id = {1}, actor_name = {2}, action = {3}, customer_id = {4}, fields = {5}, purpose = {6}, detail = {7}, remote_ip = {8}, previous_hash = {9}, hash = {10} WHERE id = {11}",
                source.OccurredAt, source.ActorId!, source.ActorName, source.Action, source.CustomerId!, source.Fields!, source.Purpose!, source.Detail!, source.RemoteIp!,
                source.PreviousHash, source.Hash, target);
        }
    }
}

public sealed class AuditTamperTestsOnSqlite(SqliteApp app) : AuditTamperTests(app), IClassFixture<SqliteApp>
{
    protected override async Task DisableTriggersAsync(CrmDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update");
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_delete");
    }

    // RAISE(ABORT, …) in a trigger fails the statement with SQLITE_CONSTRAINT and the trigger's message.
    protected override async Task AssertRefusedByTriggerAsync(Func<Task> statement, string operation)
    {
        var error = await Assert.ThrowsAsync<SqliteException>(statement);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains($"'audit_entries is append-only: {operation} refused'", error.Message, StringComparison.Ordinal);
    }
}

public sealed class AuditTamperTestsOnPostgres(PostgresApp app) : AuditTamperTests(app), IClassFixture<PostgresApp>
{
    // The bankcrm role owns its tables, so it may switch the trigger off: the trigger stops mistakes, verify catches the rest.
    protected override Task DisableTriggersAsync(CrmDbContext db) =>
        db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER");

    protected override async Task AssertRefusedByTriggerAsync(Func<Task> statement, string operation)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(statement);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal($"audit_entries is append-only: {operation} refused", error.MessageText);
    }
}
