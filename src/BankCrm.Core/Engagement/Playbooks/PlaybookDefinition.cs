using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// A playbook as marketing edits it: what enrols a customer, who may be enrolled (<see cref="Conditions"/> null =
/// every customer the trigger finds), the steps in order, and when an enrolled customer leaves early.
/// </summary>
public sealed record PlaybookDefinition(
    string Name,
    string Description,
    PlaybookTrigger Trigger,
    CustomerRule? Conditions,
    IReadOnlyList<PlaybookStep> Steps,
    PlaybookExitRules ExitRules)
{
    /// <summary>The definition with the parameters its trigger kind does not use removed, so stored JSON says only what applies.</summary>
    public PlaybookDefinition Normalized() => this with
    {
        Name = Name.Trim(),
        Description = Description.Trim(),
        Trigger = Trigger.Kind switch
        {
            TriggerKind.AccountOpened => new PlaybookTrigger(Trigger.Kind, Hours: Trigger.Hours, FirstAccountOnly: Trigger.FirstAccountOnly == true ? true : null),
            TriggerKind.StageChanged => new PlaybookTrigger(Trigger.Kind, Stage: Trigger.Stage),
            TriggerKind.MortgageRepaidMonths => new PlaybookTrigger(Trigger.Kind, Months: Trigger.Months),
            TriggerKind.LoanMaturityInDays => new PlaybookTrigger(Trigger.Kind, Days: Trigger.Days),
            TriggerKind.Holiday => new PlaybookTrigger(Trigger.Kind, HolidayDates: Trigger.HolidayDates?.Select(d => d?.Trim() ?? string.Empty).Order(StringComparer.Ordinal).ToList()),
            TriggerKind.SegmentEntry => new PlaybookTrigger(Trigger.Kind, SegmentId: Trigger.SegmentId),
            TriggerKind.NeedDetected => new PlaybookTrigger(Trigger.Kind, NeedCode: Trigger.NeedCode),
            TriggerKind.Recurring => new PlaybookTrigger(Trigger.Kind, Every: Trigger.Every),
            _ => new PlaybookTrigger(Trigger.Kind),
        },
        Steps = [.. Steps.Select(NormalizedStep)],
    };

    private static PlaybookStep NormalizedStep(PlaybookStep s) => s.Kind switch
    {
        StepKind.SendMessage => new PlaybookStep(s.Kind, Channel: Blank(s.Channel), Purpose: s.Purpose, Subject: s.Subject?.Trim(), Template: s.Template,
            ProductName: Blank(s.ProductName), Offer: Blank(s.Offer)),
        StepKind.Wait => new PlaybookStep(s.Kind, WaitHours: s.WaitHours),
        StepKind.CreateTask => new PlaybookStep(s.Kind, TaskTitle: s.TaskTitle?.Trim(), TaskReason: Blank(s.TaskReason), Urgency: s.Urgency, DueInDays: s.DueInDays,
            Questionnaire: s.Questionnaire is { Count: > 0 } q ? [.. q.Select(x => x?.Trim() ?? string.Empty)] : null),
        StepKind.BranchOnResponse => new PlaybookStep(s.Kind, WaitHours: s.WaitHours, OnResponseGoTo: s.OnResponseGoTo, OnNoResponseGoTo: s.OnNoResponseGoTo),
        _ => new PlaybookStep(s.Kind),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
