using System.CommandLine;
using System.Globalization;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Playbooks;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The verbs <c>playbooks evaluate [--at INSTANT] [--rollback]</c> (enrol the customers whose triggers fired, as the
/// five-minute job does; with --rollback inside one transaction that is rolled back, so nothing is kept) and
/// <c>playbooks run [--at INSTANT]</c> (execute the due steps, as the 30-second job does). Neither migrates: run
/// <c>migrate</c> first. Both add the shipped playbooks that are missing (rolled back too with --rollback).
/// </summary>
internal static class CliPlaybooks
{
    public static Command Command()
    {
        var command = new Command("playbooks", "Lifecycle playbooks (经营策略).");
        command.Subcommands.Add(Evaluate());
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Evaluate()
    {
        var at = At();
        var rollback = new Option<bool>("--rollback") { Description = "Evaluate inside a transaction and roll it back (measure without changing the database)." };
        var repeat = new Option<int>("--repeat") { Description = "Evaluate this many times in a row (the later passes find every occurrence enrolled).", DefaultValueFactory = _ => 1 };
        var command = new Command("evaluate", "Evaluate the triggers of every enabled playbook and enrol the customers they fire for.") { at, rollback, repeat };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            var time = TimeProvider.System;
            var now = result.GetValue(at) is { } instant ? instant.UtcDateTime : time.GetUtcNow().UtcDateTime;
            var evaluator = new TriggerEvaluator(factory, time);
            await using var db = factory.CreateDbContext();
            await using var transaction = result.GetValue(rollback) ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await ShippedPlaybooks.EnsureAsync(db, now, cancellationToken);
            for (var pass = 1; pass <= Math.Max(1, result.GetValue(repeat)); pass++)
            {
                var started = time.GetTimestamp();
                var outcomes = await evaluator.EvaluateAsync(transaction is null ? null : db, now, cancellationToken);
                var seconds = time.GetElapsedTime(started).TotalSeconds;
                foreach (var outcome in outcomes)
                {
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{outcome.Code,-24} {outcome.Kind,-22} {outcome.Enrolled,10:N0} enrolled {outcome.Elapsed.TotalSeconds,8:N2} s"));
                }

                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Pass {pass}: {outcomes.Count} playbooks evaluated at {now:yyyy-MM-dd HH:mm} UTC, {outcomes.Sum(o => o.Enrolled):N0} enrolled in {seconds:N2} s."));
            }

            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                await Console.Out.WriteLineAsync("Rolled back: nothing was kept.");
            }

            return 0;
        });
        return command;
    }

    private static Command Run()
    {
        var at = At();
        var command = new Command("run", "Execute the due steps of active enrolments (messages to the outbox, tasks, waits, branches).") { at };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            var time = TimeProvider.System;
            var now = result.GetValue(at) is { } instant ? instant.UtcDateTime : time.GetUtcNow().UtcDateTime;
            var started = time.GetTimestamp();
            var executed = await new StepRunner(factory, new StepRunnerSettings { MaxBatchesPerRun = int.MaxValue }).RunDueAsync(now, cancellationToken);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Executed {executed:N0} steps in {time.GetElapsedTime(started).TotalSeconds:N2} s."));
            return 0;
        });
        return command;
    }

    private static Option<DateTimeOffset?> At() => new("--at") { Description = "The instant to evaluate at (ISO 8601, e.g. 2026-12-03T10:00:00+08:00); default now." };
}
