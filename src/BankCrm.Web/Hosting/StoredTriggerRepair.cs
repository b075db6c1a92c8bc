using System.Data.Common;
using BankCrm.Data.Database;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace BankCrm.Web.Hosting;

/// <summary>
/// Before the scheduler reads its store: deletes every stored cron trigger whose time zone this machine cannot
/// resolve, which Quartz would otherwise fail on at every start (the custom zone 'China Standard Time (BankCrm)'
/// stored by releases before decision 0008, or a zone id from a machine with another tz database). The modules'
/// configured triggers are then scheduled again from the configuration, in UTC.
/// </summary>
internal sealed class StoredTriggerRepair(IConfiguration configuration, ILogger<StoredTriggerRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (provider, connectionString) = DataModule.ReadConnection(configuration);
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!await CronTableExistsAsync(connection, provider, cancellationToken))
        {
            return;
        }

        var stored = new List<(string Scheduler, string Name, string Group, string Zone)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT sched_name, trigger_name, trigger_group, time_zone_id FROM {JobScheduler.TablePrefix}cron_triggers";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? string.Empty : reader.GetString(3)));
            }
        }

        var unreadable = stored.Where(t => t.Zone.Length > 0 && !Resolves(t.Zone)).ToList();
        if (unreadable.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var trigger in unreadable)
        {
            foreach (var table in new[] { "cron_triggers", "triggers" })
            {
                await using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = $"DELETE FROM {JobScheduler.TablePrefix}{table} WHERE sched_name = @s AND trigger_name = @n AND trigger_group = @g";
                AddParameter(delete, "s", trigger.Scheduler);
                AddParameter(delete, "n", trigger.Name);
                AddParameter(delete, "g", trigger.Group);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            logger.LogWarning(
                "Deleted the stored trigger {Group}.{Name}: its time zone '{Zone}' cannot be resolved on this machine; the configured schedule replaces it",
                trigger.Group, trigger.Name, trigger.Zone);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool Resolves(string zone)
    {
        try
        {
            return TimeZones.FindById(zone) is not null;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static async Task<bool> CronTableExistsAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? $"SELECT to_regclass('{JobScheduler.TablePrefix}cron_triggers') IS NOT NULL"
            : $"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND lower(name) = '{JobScheduler.TablePrefix}cron_triggers'";
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
