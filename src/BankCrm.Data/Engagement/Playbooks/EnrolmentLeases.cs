using System.Data.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// Claims due active enrolments for one node under a lease: one UPDATE that takes rows whose lease is free or has
/// expired and bumps their version, RETURNING their ids. On PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED and
/// the lease test is repeated on the updated row, so two nodes claiming at once never get the same enrolment; an
/// enrolment whose node died is claimed again once its lease runs out.
/// </summary>
internal static class EnrolmentLeases
{
    public static async Task<IReadOnlyList<long>> ClaimAsync(CrmDbContext db, string owner, DateTime now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var lockRows = db.Provider == DatabaseProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var free = "status = @active AND next_step_at <= @now AND (lease_until IS NULL OR lease_until < @now)";

        // A disabled playbook is paused: its journeys wait where they are until it is enabled again.
        var enabled = "playbook_id IN (SELECT id FROM playbooks WHERE enabled = @enabled)";
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText =
            $"UPDATE playbook_enrolments SET lease_owner = @owner, lease_until = @until, version = version + 1 " +
            $"WHERE id IN (SELECT id FROM playbook_enrolments WHERE {free} AND {enabled} ORDER BY next_step_at, id LIMIT @batch{lockRows}) AND {free} " +
            "RETURNING id";
        Add(command, "@owner", owner);
        Add(command, "@until", DateTime.SpecifyKind(now + lease, DateTimeKind.Utc));
        Add(command, "@now", DateTime.SpecifyKind(now, DateTimeKind.Utc));
        Add(command, "@active", (int)EnrolmentStatus.Active);
        Add(command, "@batch", batchSize);
        Add(command, "@enabled", true);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        ids.Sort();
        return ids;
    }

    public static void Release(Enrolment enrolment)
    {
        enrolment.LeaseOwner = null;
        enrolment.LeaseUntil = null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
