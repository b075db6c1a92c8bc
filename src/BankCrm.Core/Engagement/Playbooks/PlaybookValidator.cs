using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Holdings;
using BankCrm.Core.Segmentation.Scoring;
using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Core.Engagement.Playbooks;

/// <summary>
/// Checks a playbook before it is saved. Every error names the field (<c>trigger.hours</c>, <c>steps[2].template</c>,
/// <c>exitRules.maxDays</c>, <c>conditions.groups[0].conditions[1].value</c>) and says in Chinese which rule it broke.
/// Templates are checked by <paramref name="checkTemplate"/> (the Liquid engine lives in Data): null = usable,
/// otherwise the reason.
/// </summary>
public static class PlaybookValidator
{
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 1000;
    public const int MaxSteps = 20;
    public const int MaxStepsJson = 16_000;
    public const int MaxSubjectLength = 100;
    public const int MaxTaskTitleLength = 100;
    public const int MaxTaskReasonLength = 500;
    public const int MaxQuestions = 8;
    public const int MaxQuestionLength = 100;
    public const int MaxHolidayDates = 50;

    public static IReadOnlyList<FieldError> Validate(PlaybookDefinition definition, Func<string?, string?> checkTemplate)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(checkTemplate);
        var errors = new List<FieldError>();
        var name = definition.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(new FieldError("name", "length", $"策略名称必填，最长 {MaxNameLength} 个字"));
        }

        if (definition.Description.Length > MaxDescriptionLength)
        {
            errors.Add(new FieldError("description", "length", $"说明最长 {MaxDescriptionLength} 个字"));
        }

        TriggerRules.Validate(definition.Trigger, errors);
        if (definition.Conditions is { } conditions)
        {
            errors.AddRange(RuleValidator.Validate(conditions, RuleUse.Segment)
                .Select(e => e with { Field = "conditions." + e.Field, Message = "适用客户：" + e.Message }));
        }

        StepRules.Validate(definition.Steps, checkTemplate, errors);
        ValidateExitRules(definition, errors);
        return errors;
    }

    private static void ValidateExitRules(PlaybookDefinition definition, List<FieldError> errors)
    {
        var rules = definition.ExitRules;
        if (rules.MaxDays is { } days && days is < 1 or > 365)
        {
            errors.Add(new FieldError("exitRules.maxDays", "range", "退出规则：最长天数必须在 1 到 365 之间，或留空表示不限"));
        }

        if (rules.ExitOnProductCategory is { } category && !IsCategory(category))
        {
            errors.Add(new FieldError("exitRules.exitOnProductCategory", "choice",
                $"退出规则：「{category}」不是产品类别，可选：{string.Join("、", RuleFields.ProductCategoryChoices.Select(c => c.Label))}"));
        }

        if (rules.ExitOnResponse && definition.Steps.Any(s => s.Kind == StepKind.BranchOnResponse))
        {
            errors.Add(new FieldError("exitRules.exitOnResponse", "conflict", "退出规则：客户回复即退出时，「按回复分支」的已回复路径永远不会执行，请取消其一"));
        }
    }

    internal static bool IsCategory(string name) =>
        Enum.TryParse<ProductCategory>(name, ignoreCase: false, out var category) && Enum.IsDefined(category) && !int.TryParse(name, out _);

    internal static bool IsNeed(string? code) => code is not null && NeedRules.All.Contains(code);

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
