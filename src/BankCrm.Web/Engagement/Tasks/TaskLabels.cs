using System.Globalization;
using System.Resources;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Engagement.Tasks;

public enum DueState
{
    Overdue,
    Today,
    Soon,
    Later,
}

/// <summary>Words for the task module's values (Resources/TaskText.resx: Chinese; TaskText.en.resx: English).</summary>
public static class TaskLabels
{
    private static readonly ResourceManager Resources = new(typeof(TaskText));

    public static string Of(TaskUrgency urgency) => Lookup("Urgency." + urgency);

    public static string Of(WorkTaskStatus status) => Lookup("Status." + status);

    public static string Of(TaskSource source) => Lookup("Source." + source);

    public static string Of(TaskOutcome outcome) => Lookup("Outcome." + outcome);

    public static string Of(TimelineKind kind) => Lookup("Kind." + kind);

    public static string Of(MessageStatus status) => Lookup("Message." + status);

    public static string Of(StepKind kind) => Lookup("Step." + kind);

    public static string Tier(ValueTier? tier) => Lookup(tier is { } t ? "Tier." + t : "Tier.None");

    /// <summary>A stored outcome in the current language: one of the fixed list, or as typed (older free-text outcomes).</summary>
    public static string Outcome(string? stored) =>
        stored is null ? "—" : TaskOutcomes.TryParse(stored, out var outcome) ? Of(outcome) : stored;

    /// <summary>How the due date stands in China calendar days: 逾期 3 天, 今天到期, 2 天后到期.</summary>
    public static (string Text, DueState State) Due(DateTime dueUtc, DateTime nowUtc)
    {
        var dueDay = DateOnly.FromDateTime(ChinaTime.FromUtc(dueUtc));
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        var days = dueDay.DayNumber - today.DayNumber;
        if (dueUtc < nowUtc)
        {
            return (days < 0 ? Format("Due.OverdueDays", -days) : Lookup("Due.Overdue"), DueState.Overdue);
        }

        return days switch
        {
            0 => (Lookup("Due.Today"), DueState.Today),
            <= 3 => (Format("Due.InDays", days), DueState.Soon),
            _ => (Format("Due.InDays", days), DueState.Later),
        };
    }

    private static string Format(string key, int value) => string.Format(CultureInfo.CurrentCulture, Lookup(key), value);

    private static string Lookup(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
