using System.CommandLine;
using BankCrm.Data.Database;
using BankCrm.Data.Scoring.Churn;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Web.Hosting;

/// <summary>
/// The verb <c>model train churn [--csv FILE] [--as-of DATE] [--report FILE]</c>: trains the churn model on the
/// database (and stores it as the next version) or, with --csv, on the public Churn_Modelling.csv (evaluation only),
/// and prints the evaluation report, also written to a file.
/// </summary>
internal static class CliModel
{
    public static Command Command()
    {
        var csv = new Option<FileInfo?>("--csv") { Description = "Train and evaluate on the public Churn_Modelling.csv instead of the database (nothing is stored)." };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Evaluation date (yyyy-MM-dd); training uses the date 60 days earlier. Default: 60 days before the newest transaction." };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the evaluation report. Default: churn-report.txt in the current folder." };
        var churn = new Command("churn", "Train the churn model and write its evaluation report (AUC, top decile, calibration).") { csv, asOf, report };
        churn.TreatUnmatchedTokensAsErrors = false;
        churn.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                ChurnTrainingResult trained;
                if (result.GetValue(csv) is { } file)
                {
                    trained = ChurnTraining.TrainOnCsv(file.FullName, TimeProvider.System);
                }
                else
                {
                    var factory = new CrmDbContextFactory(DataModule.ReadOptions(CommandLine.Configuration(result.UnmatchedTokens)));
                    await using var db = factory.CreateDbContext();
                    await db.Database.MigrateAsync(cancellationToken);
                    var progress = new Progress<string>(m => Console.Out.WriteLine(m));
                    trained = await new ChurnTraining(db, TimeProvider.System, factory).TrainOnDatabaseAsync(result.GetValue(asOf), progress, cancellationToken);
                }

                var text = ChurnReport.Format(trained);
                var path = result.GetValue(report)?.FullName ?? Path.GetFullPath("churn-report.txt");
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await Console.Out.WriteAsync(text);
                await Console.Out.WriteLineAsync($"Report written to {path}");
                return 0;
            }
            catch (ChurnTrainingException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        });

        var train = new Command("train", "Train a model.") { churn };
        return new Command("model", "Machine-learning models: train and evaluate.") { train };
    }
}
