using System.CommandLine;
using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring;
using BankCrm.Data.Scoring.Churn;
using BankCrm.Data.Segmentation;
using BankCrm.Web.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace BankCrm.Web.Hosting;

/// <summary>The verb score [--date yyyy-MM-dd] [--force]: one scoring run in the foreground, with progress.</summary>
internal static class CliScore
{
    public static Command Command()
    {
        var date = new Option<string?>("--date") { Description = "Run date (yyyy-MM-dd, China time); default today." };
        var force = new Option<bool>("--force") { Description = "Score again a date that is already complete (its rows are replaced)." };
        var command = new Command("score", "Score every customer: RFM, lifecycle, tier, class, health, needs (restartable).") { date, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = CommandLine.Configuration(result.UnmatchedTokens);
            var time = TimeProvider.System;
            var runDate = ChinaTime.Today(time);
            if (result.GetValue(date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out runDate))
            {
                await Console.Error.WriteLineAsync($"--date {text}: expected a date such as 2026-11-24.");
                return 2;
            }

            var services = new ServiceCollection()
                .AddSingleton(time)
                .AddSingleton(DataModule.ReadOptions(configuration))
                .AddSingleton<CrmDbContextFactory>()
                // The churn scorer and the tag refresher read through a scoped context, as in the app.
                .AddScoped(sp => sp.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
                .AddScoring(ScoringWebModule.ReadSettings(configuration))
                .AddChurnScoring()
                .AddTagsAndSegments()
                .BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<ScoringRunner>();

            var started = time.GetTimestamp();
            var last = 0;
            var progress = new SynchronousProgress(p =>
            {
                // A line per tenth of the run, not per batch: a million customers are 500 batches.
                var tenth = p.Total == 0 ? 10 : p.Scored * 10 / p.Total;
                if (tenth > last || p.Scored == 0)
                {
                    last = tenth;
                    Console.Out.WriteLine($"customers {p.Scored:N0}/{p.Total:N0} ({time.GetElapsedTime(started).TotalSeconds:N1} s)");
                }
            });
            var outcome = await runner.RunAsync(runDate, result.GetValue(force), "cli", progress, cancellationToken);
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            switch (outcome)
            {
                case ScoringOutcome.AlreadyCompleted:
                    await Console.Out.WriteLineAsync($"{runDate:yyyy-MM-dd} is already scored; use --force to score it again.");
                    return 0;
                case ScoringOutcome.Busy:
                    await Console.Error.WriteLineAsync("Another scoring run is under way; try again when it has finished.");
                    return 3;
                default:
                    await using (var db = scope.ServiceProvider.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
                    {
                        var run = await db.ScoringRuns.FindAsync([runDate], cancellationToken);
                        var scored = run?.CustomersScored ?? 0;
                        await Console.Out.WriteLineAsync($"Scored {scored:N0} customers for {runDate:yyyy-MM-dd} in {seconds:N1} s ({scored / Math.Max(seconds, 0.001):N0} customers/s).");
                    }

                    return 0;
            }
        });
        return command;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool and may print after the summary; this prints in order.</summary>
    private sealed class SynchronousProgress(Action<ScoringProgress> report) : IProgress<ScoringProgress>
    {
        public void Report(ScoringProgress value) => report(value);
    }
}
