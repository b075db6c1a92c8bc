namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// A lifecycle playbook (经营策略): when something happens to a customer (the trigger) and the conditions hold,
/// the customer is enrolled and walks through the steps. Stored as data and edited by marketing; the trigger,
/// conditions, steps and exit rules are JSON documents of the types in this namespace.
/// </summary>
public sealed class Playbook
{
    public long Id { get; set; }

    /// <summary>Stable code for shipped playbooks ("welcome-72h"); unique.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    /// <summary>JSON of <see cref="PlaybookTrigger"/>.</summary>
    public string Trigger { get; set; } = string.Empty;

    /// <summary>JSON rule in the tag/segment rule model (Segmentation.Tags.RuleJson); empty = every customer.</summary>
    public string Conditions { get; set; } = string.Empty;

    /// <summary>JSON array of <see cref="PlaybookStep"/>.</summary>
    public string Steps { get; set; } = string.Empty;

    /// <summary>JSON of <see cref="PlaybookExitRules"/>.</summary>
    public string ExitRules { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}

public enum TriggerKind
{
    AccountOpened = 1,
    StageChanged = 2,
    MortgageRepaidMonths = 3,
    LoanMaturityInDays = 4,
    Birthday = 5,
    Holiday = 6,
    SegmentEntry = 7,
    NeedDetected = 8,

    /// <summary>Every month or quarter for the customers matching the conditions (knowledge cards, salons).</summary>
    Recurring = 9,
}

/// <summary>
/// The event that enrols a customer. Only the parameters of its kind are used: AccountOpened Hours (and
/// FirstAccountOnly for new customers), StageChanged Stage, MortgageRepaidMonths Months, LoanMaturityInDays Days,
/// SegmentEntry SegmentId, NeedDetected NeedCode, Holiday HolidayDates (yyyy-MM-dd), Recurring Every (monthly, quarterly).
/// </summary>
public sealed record PlaybookTrigger(
    TriggerKind Kind,
    string? Stage = null,
    int? Months = null,
    int? Days = null,
    long? SegmentId = null,
    string? NeedCode = null,
    IReadOnlyList<string>? HolidayDates = null,
    string? Every = null,
    int? Hours = null,
    bool? FirstAccountOnly = null);

public enum StepKind
{
    SendMessage = 1,
    Wait = 2,
    CreateTask = 3,
    BranchOnResponse = 4,
    Exit = 5,
}

/// <summary>
/// One step. SendMessage: Channel (null = the customer's preferred channel), Purpose, Subject, Template (Liquid),
/// and optionally ProductName and Offer for the template's product_name and offer.
/// Wait: WaitHours. CreateTask: TaskTitle, TaskReason, Urgency, DueInDays, Questionnaire (pre-screening questions).
/// BranchOnResponse: within WaitHours of the last message, go to OnResponseGoTo else OnNoResponseGoTo (step indexes
/// after this one; the number of steps means "end").
/// </summary>
public sealed record PlaybookStep(
    StepKind Kind,
    string? Channel = null,
    string? Purpose = null,
    string? Subject = null,
    string? Template = null,
    int? WaitHours = null,
    string? TaskTitle = null,
    string? TaskReason = null,
    string? Urgency = null,
    int? DueInDays = null,
    IReadOnlyList<string>? Questionnaire = null,
    int? OnResponseGoTo = null,
    int? OnNoResponseGoTo = null,
    string? ProductName = null,
    string? Offer = null);

/// <summary>When an enrolled customer leaves early: they responded, a product was opened, consent was withdrawn, or a time limit.</summary>
public sealed record PlaybookExitRules(
    bool ExitOnResponse = false,
    string? ExitOnProductCategory = null,
    bool ExitOnConsentWithdrawn = true,
    int? MaxDays = null);
