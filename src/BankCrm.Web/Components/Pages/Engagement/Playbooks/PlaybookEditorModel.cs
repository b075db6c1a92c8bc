using BankCrm.Core.Engagement.Playbooks;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Web.Components.Segmentation.RuleEditor;

namespace BankCrm.Web.Components.Pages.Engagement.Playbooks;

/// <summary>A playbook as the editor form changes it; <see cref="ToDefinition"/> gives what is validated and saved.</summary>
public sealed class PlaybookEditorModel
{
    private static readonly char[] Separators = [',', '，', '、', ';', '；', '\n', '\r', ' '];

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public TriggerKind TriggerKind { get; set; } = TriggerKind.AccountOpened;

    public int? Hours { get; set; } = 72;

    public bool FirstAccountOnly { get; set; } = true;

    public string? Stage { get; set; }

    public int? Months { get; set; }

    public int? Days { get; set; }

    public long? SegmentId { get; set; }

    public string? NeedCode { get; set; }

    public string HolidayDatesText { get; set; } = string.Empty;

    public string? Every { get; set; } = PlaybookVocabulary.Monthly;

    public bool UseConditions { get; set; }

    public RuleEditorModel Conditions { get; set; } = RuleEditorModel.From(null);

    public List<StepModel> Steps { get; } = [];

    public bool ExitOnResponse { get; set; }

    public bool ExitOnConsentWithdrawn { get; set; } = true;

    public string? ExitOnProductCategory { get; set; }

    public int? MaxDays { get; set; } = 30;

    public static PlaybookEditorModel New()
    {
        var model = new PlaybookEditorModel();
        model.Steps.Add(StepModel.New(StepKind.SendMessage));
        return model;
    }

    public static PlaybookEditorModel From(PlaybookView view)
    {
        var trigger = view.Trigger ?? new PlaybookTrigger(TriggerKind.AccountOpened);
        var model = new PlaybookEditorModel
        {
            Name = view.Name,
            Description = view.Description,
            TriggerKind = trigger.Kind,
            Hours = trigger.Hours,
            FirstAccountOnly = trigger.FirstAccountOnly == true,
            Stage = trigger.Stage,
            Months = trigger.Months,
            Days = trigger.Days,
            SegmentId = trigger.SegmentId,
            NeedCode = trigger.NeedCode,
            HolidayDatesText = string.Join("、", trigger.HolidayDates ?? []),
            Every = trigger.Every,
            UseConditions = view.Conditions is not null,
            Conditions = RuleEditorModel.From(view.Conditions),
            ExitOnResponse = view.ExitRules.ExitOnResponse,
            ExitOnConsentWithdrawn = view.ExitRules.ExitOnConsentWithdrawn,
            ExitOnProductCategory = view.ExitRules.ExitOnProductCategory,
            MaxDays = view.ExitRules.MaxDays,
        };
        model.Steps.AddRange(view.Steps.Select(StepModel.From));
        return model;
    }

    public PlaybookDefinition ToDefinition() => new PlaybookDefinition(
        Name,
        Description,
        new PlaybookTrigger(TriggerKind, Stage, Months, Days, SegmentId, NeedCode,
            HolidayDatesText.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Every, Hours, FirstAccountOnly),
        UseConditions ? Conditions.ToRule() : null,
        [.. Steps.Select(s => s.ToStep())],
        new PlaybookExitRules(ExitOnResponse, string.IsNullOrEmpty(ExitOnProductCategory) ? null : ExitOnProductCategory, ExitOnConsentWithdrawn, MaxDays)).Normalized();

    /// <summary>Removes a step; branches that pointed past it follow their step to its new place.</summary>
    public void Remove(int index)
    {
        Steps.RemoveAt(index);
        foreach (var step in Steps)
        {
            step.OnResponseGoTo = Shift(step.OnResponseGoTo, index);
            step.OnNoResponseGoTo = Shift(step.OnNoResponseGoTo, index);
        }

        static int? Shift(int? target, int removed) => target > removed ? target - 1 : target;
    }

    /// <summary>Swaps a step with the one below it; branch targets keep pointing at the same steps.</summary>
    public void MoveDown(int index)
    {
        (Steps[index], Steps[index + 1]) = (Steps[index + 1], Steps[index]);
        foreach (var step in Steps)
        {
            step.OnResponseGoTo = Swap(step.OnResponseGoTo, index);
            step.OnNoResponseGoTo = Swap(step.OnNoResponseGoTo, index);
        }

        static int? Swap(int? target, int i) => target == i ? i + 1 : target == i + 1 ? i : target;
    }
}

/// <summary>One step as the form edits it.</summary>
public sealed class StepModel
{
    public StepKind Kind { get; set; }

    public string? Channel { get; set; }

    public string? Purpose { get; set; } = "Marketing";

    public string? Subject { get; set; }

    public string? Template { get; set; }

    public string? ProductName { get; set; }

    public string? Offer { get; set; }

    public int? WaitHours { get; set; }

    public string? TaskTitle { get; set; }

    public string? TaskReason { get; set; }

    public string? Urgency { get; set; } = "Normal";

    public int? DueInDays { get; set; } = 3;

    public string QuestionnaireText { get; set; } = string.Empty;

    public int? OnResponseGoTo { get; set; }

    public int? OnNoResponseGoTo { get; set; }

    public static StepModel New(StepKind kind) => new()
    {
        Kind = kind,
        WaitHours = kind == StepKind.BranchOnResponse ? 72 : kind == StepKind.Wait ? 24 : null,
    };

    public static StepModel From(PlaybookStep s) => new()
    {
        Kind = s.Kind,
        Channel = s.Channel,
        Purpose = s.Purpose ?? "Marketing",
        Subject = s.Subject,
        Template = s.Template,
        ProductName = s.ProductName,
        Offer = s.Offer,
        WaitHours = s.WaitHours,
        TaskTitle = s.TaskTitle,
        TaskReason = s.TaskReason,
        Urgency = s.Urgency ?? "Normal",
        DueInDays = s.DueInDays ?? 3,
        QuestionnaireText = string.Join("\n", s.Questionnaire ?? []),
        OnResponseGoTo = s.OnResponseGoTo,
        OnNoResponseGoTo = s.OnNoResponseGoTo,
    };

    public PlaybookStep ToStep()
    {
        var questions = QuestionnaireText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PlaybookStep(Kind, Channel, Purpose, Subject, Template, WaitHours, TaskTitle, TaskReason, Urgency, DueInDays,
            questions.Length > 0 ? questions : null, OnResponseGoTo, OnNoResponseGoTo, ProductName, Offer);
    }
}
