using System.Data.Common;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BankCrm.Data.Scoring;

/// <summary>
/// Writes a batch of scores and needs inside the caller's transaction: binary COPY on PostgreSQL, one prepared
/// INSERT reused per row on SQLite. EF Core change tracking would cost more than the scoring itself at a million rows.
/// </summary>
internal static class ScoreWriter
{
    private const string ScoreColumns = "run_date, customer_id, recency_days, frequency, monetary, recency_score, frequency_score, monetary_score, aum, " +
        "lifecycle_stage, stage_since, value_tier, customer_class, product_penetration, health_value, health_behaviour, health_satisfaction, health_score, " +
        "churn_probability, churn_factors, churn_model_version";

    private const string NeedColumns = "run_date, customer_id, need_code, evidence";

    public static Task WriteAsync(CrmDbContext db, IReadOnlyList<CustomerScore> scores, IReadOnlyList<CustomerNeed> needs, CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Postgres
            ? CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), scores, needs, cancellationToken)
            : InsertAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), scores, needs, cancellationToken);

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<CustomerScore> scores, IReadOnlyList<CustomerNeed> needs, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY customer_scores ({ScoreColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var s in scores)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(s.RunDate, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(s.CustomerId, NpgsqlDbType.Bigint, cancellationToken);
                await WriteNullableAsync(importer, s.RecencyDays, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.Frequency, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.Monetary, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync((short)s.RecencyScore, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync((short)s.FrequencyScore, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync((short)s.MonetaryScore, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync(s.Aum, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync((int)s.LifecycleStage, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.StageSince, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync((int)s.ValueTier, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync((int)s.CustomerClass, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.ProductPenetration, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.HealthValue, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.HealthBehaviour, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.HealthSatisfaction, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(s.HealthScore, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(importer, s.ChurnProbability, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(importer, s.ChurnFactors, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, s.ChurnModelVersion, NpgsqlDbType.Varchar, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY customer_needs ({NeedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var n in needs)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(n.RunDate, NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(n.CustomerId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(n.NeedCode, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(n.Evidence, NpgsqlDbType.Varchar, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CustomerScore> scores, IReadOnlyList<CustomerNeed> needs, CancellationToken cancellationToken)
    {
        var columns = ScoreColumns.Split(", ");
        await using (var command = Prepare(connection, transaction, "customer_scores", columns))
        {
            foreach (var s in scores)
            {
                object?[] values =
                [
                    s.RunDate, s.CustomerId, s.RecencyDays, s.Frequency, s.Monetary, s.RecencyScore, s.FrequencyScore, s.MonetaryScore, s.Aum,
                    (int)s.LifecycleStage, s.StageSince, (int)s.ValueTier, (int)s.CustomerClass, s.ProductPenetration, s.HealthValue, s.HealthBehaviour,
                    s.HealthSatisfaction, s.HealthScore, s.ChurnProbability, s.ChurnFactors, s.ChurnModelVersion,
                ];
                await ExecuteAsync(command, values, cancellationToken);
            }
        }

        await using (var command = Prepare(connection, transaction, "customer_needs", NeedColumns.Split(", ")))
        {
            foreach (var n in needs)
            {
                await ExecuteAsync(command, [n.RunDate, n.CustomerId, n.NeedCode, n.Evidence], cancellationToken);
            }
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbCommand command, object?[] values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // SQLite stores decimals as text, as EF Core does, so sums and comparisons read them back exactly.
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                decimal d => d.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
