using System.Globalization;
using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BankCrm.Web.Components.Pages.Engagement.Playbooks;

/// <summary>A trigger in one line for the list ("开户后 72 小时内（仅新客户）", "进入衰退预警期", "每月一次，限满足条件的客户").</summary>
public sealed class PlaybookLabels(IStringLocalizer<PlaybookText> text, IStringLocalizer<ScoringText> scoring)
{
    public string Describe(PlaybookTrigger trigger, bool hasConditions)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var line = trigger.Kind switch
        {
            TriggerKind.AccountOpened => Format("Summary.AccountOpened", trigger.Hours) + (trigger.FirstAccountOnly == true ? text["Summary.FirstAccountOnly"] : string.Empty),
            TriggerKind.StageChanged => Format("Summary.StageChanged", scoring["LifecycleStage." + trigger.Stage].Value),
            TriggerKind.MortgageRepaidMonths => Format("Summary.MortgageRepaidMonths", trigger.Months),
            TriggerKind.LoanMaturityInDays => Format("Summary.LoanMaturityInDays", trigger.Days),
            TriggerKind.Holiday => Format("Summary.Holiday", trigger.HolidayDates?.Count ?? 0),
            TriggerKind.SegmentEntry => Format("Summary.SegmentEntry", trigger.SegmentId),
            TriggerKind.NeedDetected => Format("Summary.NeedDetected", scoring["Need." + trigger.NeedCode].Value),
            TriggerKind.Recurring => text["Summary.Recurring." + trigger.Every].Value,
            _ => text["Summary.Birthday"].Value,
        };
        return hasConditions ? line + text["Summary.Conditions"] : line;
    }

    private string Format(string key, object? value) => string.Format(CultureInfo.CurrentCulture, text[key], value);
}
