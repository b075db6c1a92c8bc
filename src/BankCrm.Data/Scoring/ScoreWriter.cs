using System.Data.Common;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Binary COPY with synchronous writes: a row is 21 values, and an awaited call per value cost more than the
    /// writing itself; the connection's buffer still goes out to the server as it fills.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<CustomerScore> scores, IReadOnlyList<CustomerNeed> needs, CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY customer_scores ({ScoreColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            WriteScores(importer, scores, cancellationToken);
            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY customer_needs ({NeedColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var n in needs)
            {
                importer.StartRow();
                importer.Write(n.RunDate, NpgsqlDbType.Date);
                importer.Write(n.CustomerId, NpgsqlDbType.Bigint);
                importer.Write(n.NeedCode, NpgsqlDbType.Varchar);
                importer.Write(n.Evidence, NpgsqlDbType.Varchar);
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteScores(NpgsqlBinaryImporter importer, IReadOnlyList<CustomerScore> scores, CancellationToken cancellationToken)
    {
        foreach (var s in scores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            importer.Write(s.RunDate, NpgsqlDbType.Date);
            importer.Write(s.CustomerId, NpgsqlDbType.Bigint);
            WriteNullable(importer, s.RecencyDays, NpgsqlDbType.Integer);
            importer.Write(s.Frequency, NpgsqlDbType.Integer);
            importer.Write(s.Monetary, NpgsqlDbType.Numeric);
            importer.Write((short)s.RecencyScore, NpgsqlDbType.Smallint);
            importer.Write((short)s.FrequencyScore, NpgsqlDbType.Smallint);
            importer.Write((short)s.MonetaryScore, NpgsqlDbType.Smallint);
            importer.Write(s.Aum, NpgsqlDbType.Numeric);
            importer.Write((int)s.LifecycleStage, NpgsqlDbType.Integer);
            importer.Write(s.StageSince, NpgsqlDbType.Date);
            importer.Write((int)s.ValueTier, NpgsqlDbType.Integer);
            importer.Write((int)s.CustomerClass, NpgsqlDbType.Integer);
            importer.Write(s.ProductPenetration, NpgsqlDbType.Integer);
            importer.Write(s.HealthValue, NpgsqlDbType.Integer);
            importer.Write(s.HealthBehaviour, NpgsqlDbType.Integer);
            importer.Write(s.HealthSatisfaction, NpgsqlDbType.Integer);
            importer.Write(s.HealthScore, NpgsqlDbType.Integer);
            WriteNullable(importer, s.ChurnProbability, NpgsqlDbType.Double);
            WriteNullable(importer, s.ChurnFactors, NpgsqlDbType.Varchar);
            WriteNullable(importer, s.ChurnModelVersion, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

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
