using System.CommandLine;
using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.Segmentation.Tags;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>The verb <c>tags refresh [--as-of DATE]</c>: materialise every rule tag now (the nightly run does the same at its end).</summary>
internal static class CliTags
{
    public static Command Command()
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day time windows count back from (default: today, China time)." };
        var refresh = new Command("refresh", "Refresh the customers of every rule tag (adds starter tags that are missing).") { asOf };
        refresh.TreatUnmatchedTokensAsErrors = false;
        refresh.SetAction(async (result, cancellationToken) =>
        {
            var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
            var time = TimeProvider.System;
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync(cancellationToken);
                await StarterTags.EnsureAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
            }

            var day = result.GetValue(asOf) ?? ChinaTime.Today(time);
            var started = time.GetTimestamp();
            var refreshed = await new TagRefresher(factory, time).RefreshAllAsync(day, cancellationToken);
            await using (var db = factory.CreateDbContext())
            {
                foreach (var tag in await db.TagDefinitions.AsNoTracking().Where(t => t.Kind == Core.Segmentation.Tags.TagKind.Rule).OrderBy(t => t.Id).ToListAsync(cancellationToken))
                {
                    await Console.Out.WriteLineAsync($"{tag.Name}\t{tag.CustomerCount:N0}");
                }
            }

            await Console.Out.WriteLineAsync($"Refreshed {refreshed} rule tags as of {day:yyyy-MM-dd} in {time.GetElapsedTime(started).TotalSeconds:N1} s.");
            return 0;
        });

        var command = new Command("tags", "Customer tags.");
        command.Subcommands.Add(refresh);
        return command;
    }
}
