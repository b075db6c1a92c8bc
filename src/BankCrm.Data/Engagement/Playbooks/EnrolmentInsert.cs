using System.Data.Common;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// Enrols the candidates of one playbook in one statement: INSERT … SELECT over the SQL EF Core generates for the
/// trigger query, ON CONFLICT DO NOTHING on the unique playbook × customer × occurrence key. A second evaluation, or a
/// second node evaluating at the same moment, finds every row already there and adds none.
/// </summary>
internal static class EnrolmentInsert
{
    public static async Task<int> ExecuteAsync(CrmDbContext db, IQueryable<TriggerCandidate> candidates, long playbookId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var insert = candidates.Distinct().CreateDbCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // The SELECT yields (customer_id, occurrence_key) in that order; "WHERE true" lets SQLite tell the upsert's ON
        // from a join's ON after a sub-select.
        insert.CommandText =
            "INSERT INTO playbook_enrolments (customer_id, occurrence_key, playbook_id, status, next_step, next_step_at, enrolled_at, version) " +
            $"SELECT m.*, @enrol_playbook_id, {(int)EnrolmentStatus.Active}, 0, @enrol_now, @enrol_now, 0 FROM ({insert.CommandText}) AS m WHERE true " +
            "ON CONFLICT (playbook_id, customer_id, occurrence_key) DO NOTHING";
        Add(insert, "@enrol_playbook_id", playbookId);
        Add(insert, "@enrol_now", DateTime.SpecifyKind(now, DateTimeKind.Utc));
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
