using System.Globalization;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace BankCrm.Data.Engagement.Playbooks;

/// <summary>
/// Why the journey started, in words for the RM's task (seed 002: "客户经理 1v1 需求诊断" needs the reason, e.g.
/// "AUM 近 60 天下降 35.0%"). Percentages and dates only: a task is read by more people than may see balances.
/// </summary>
internal static class TriggerEvidence
{
    /// <summary>The AUM drop of a decline warning is measured against the newest run at least this many days older.</summary>
    public const int DeclineLookbackDays = 60;

    public static async Task<string?> ForAsync(CrmDbContext db, PlaybookTrigger trigger, Enrolment enrolment, CancellationToken cancellationToken) => trigger.Kind switch
    {
        TriggerKind.StageChanged => await StageAsync(db, enrolment.CustomerId, trigger.Stage, cancellationToken),
        TriggerKind.NeedDetected => await db.CustomerNeeds.Where(n => n.CustomerId == enrolment.CustomerId && n.NeedCode == trigger.NeedCode)
            .OrderByDescending(n => n.RunDate).Select(n => n.Evidence).FirstOrDefaultAsync(cancellationToken),
        TriggerKind.AccountOpened or TriggerKind.MortgageRepaidMonths or TriggerKind.LoanMaturityInDays => await AccountAsync(db, trigger, enrolment.OccurrenceKey, cancellationToken),
        TriggerKind.Holiday => "节日问候：" + enrolment.OccurrenceKey["holiday:".Length..],
        TriggerKind.Birthday => "客户生日",
        _ => null,
    };

    private static async Task<string?> StageAsync(CrmDbContext db, long customerId, string? stageName, CancellationToken cancellationToken)
    {
        var stage = PlaybookVocabulary.TryStage(stageName, out var s) ? s : LifecycleStage.DeclineWarning;
        var scores = db.CustomerScores.Where(x => x.CustomerId == customerId);
        var latest = await scores.OrderByDescending(x => x.RunDate).Select(x => new { x.RunDate, x.Aum, x.ChurnFactors }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return $"进入{PlaybookVocabulary.StageLabel(stage)}";
        }

        var parts = new List<string> { $"{latest.RunDate:yyyy-MM-dd} 评分进入{PlaybookVocabulary.StageLabel(stage)}" };
        if (stage == LifecycleStage.DeclineWarning)
        {
            var cutoff = latest.RunDate.AddDays(-DeclineLookbackDays);
            var baseline = await scores.Where(x => x.RunDate <= cutoff).OrderByDescending(x => x.RunDate).Select(x => new { x.RunDate, x.Aum }).FirstOrDefaultAsync(cancellationToken)
                ?? await scores.Where(x => x.RunDate < latest.RunDate).OrderBy(x => x.RunDate).Select(x => new { x.RunDate, x.Aum }).FirstOrDefaultAsync(cancellationToken);
            if (baseline is not null && baseline.Aum > 0)
            {
                var days = latest.RunDate.DayNumber - baseline.RunDate.DayNumber;
                var change = (latest.Aum - baseline.Aum) / baseline.Aum * 100m;
                parts.Add(change <= -1m ? $"AUM 近 {days} 天下降 {Percent(-change)}"
                    : change >= 1m ? $"AUM 近 {days} 天上升 {Percent(change)}"
                    : $"AUM 近 {days} 天基本持平，活跃度下降");
            }

            if (latest.ChurnFactors?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } factor)
            {
                parts.Add("主要流失因素：" + factor);
            }
        }

        return string.Join("；", parts);
    }

    private static async Task<string?> AccountAsync(CrmDbContext db, PlaybookTrigger trigger, string occurrenceKey, CancellationToken cancellationToken)
    {
        if (OccurrenceKeys.AccountId(occurrenceKey) is not { } accountId)
        {
            return null;
        }

        var account = await (from a in db.Accounts
                             join p in db.Products on a.ProductId equals p.Id
                             where a.Id == accountId
                             select new { p.Name, a.OpenedOn, a.MaturesOn }).FirstOrDefaultAsync(cancellationToken);
        return account is null ? null : trigger.Kind switch
        {
            TriggerKind.LoanMaturityInDays => $"{account.Name}将于 {account.MaturesOn:yyyy-MM-dd} 到期",
            TriggerKind.MortgageRepaidMonths => $"{account.Name}于 {account.OpenedOn:yyyy-MM-dd} 放款，已还款满 {trigger.Months} 个月",
            _ => $"{account.OpenedOn:yyyy-MM-dd} 开立{account.Name}",
        };
    }

    private static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
