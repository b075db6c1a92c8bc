using BankCrm.Core.Common;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Scoring;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>
/// A task's reason may quote amounts (a churn factor "资产余额 90 天内下降 70%（¥7.7 万 → ¥2.3 万）", need evidence): they
/// are asset details, shown as <see cref="AmountText"/> and <see cref="Identity.StepUp.ShowsAssetAmounts"/> allow.
/// </summary>
public static class TaskReasons
{
    public static TaskLine AsSeen(TaskLine task, bool showAmounts) => task with { Reason = AmountText.Shown(task.Reason, showAmounts) };

    public static PagedResult<TaskLine> AsSeen(PagedResult<TaskLine> page, bool showAmounts) =>
        page with { Items = [.. page.Items.Select(t => AsSeen(t, showAmounts))] };
}
