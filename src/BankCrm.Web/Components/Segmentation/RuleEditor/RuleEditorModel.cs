using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Web.Components.Segmentation.RuleEditor;

/// <summary>The rule as the form edits it (mutable lists); <see cref="ToRule"/> gives the stored model.</summary>
public sealed class RuleEditorModel
{
    public RuleCombine Combine { get; set; } = RuleCombine.And;

    public List<GroupModel> Groups { get; } = [];

    public static RuleEditorModel From(CustomerRule? rule)
    {
        var model = new RuleEditorModel { Combine = rule?.Combine ?? RuleCombine.And };
        foreach (var group in rule?.Groups ?? [])
        {
            var g = new GroupModel { Combine = group.Combine };
            g.Conditions.AddRange(group.Conditions.Select(ConditionModel.From));
            model.Groups.Add(g);
        }

        if (model.Groups.Count == 0)
        {
            model.Groups.Add(GroupModel.New());
        }

        return model;
    }

    public CustomerRule ToRule() => new()
    {
        Combine = Combine,
        Groups = [.. Groups.Select(g => new RuleGroup { Combine = g.Combine, Conditions = [.. g.Conditions.Select(c => c.ToCondition())] })],
    };
}

public sealed class GroupModel
{
    public RuleCombine Combine { get; set; } = RuleCombine.And;

    public List<ConditionModel> Conditions { get; } = [];

    public static GroupModel New()
    {
        var group = new GroupModel();
        group.Conditions.Add(new ConditionModel());
        return group;
    }
}

public sealed class ConditionModel
{
    public string Field { get; set; } = RuleFields.Age;

    public RuleOperator Operator { get; set; } = RuleOperator.Ge;

    public string? Value { get; set; }

    public string? To { get; set; }

    public IReadOnlyCollection<string> Values { get; set; } = [];

    public int? WindowDays { get; set; }

    /// <summary>Free-text lists (cities, industries, need codes) typed as 上海、北京 or 上海,北京.</summary>
    public string ValuesText
    {
        get => string.Join("、", Values);
        set => Values = (value ?? string.Empty).Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public RuleField? Definition => RuleFields.Find(Field);

    public bool TakesList => Operator is RuleOperator.In or RuleOperator.NotIn or RuleOperator.All;

    public static ConditionModel From(RuleCondition c) => new()
    {
        Field = c.Field,
        Operator = c.Operator,
        Value = c.Value,
        To = c.To,
        Values = c.Values?.ToList() ?? [],
        WindowDays = c.WindowDays,
    };

    /// <summary>A new field resets the operator, values and window to what that field takes.</summary>
    public void ChangeField(string code)
    {
        Field = code;
        var field = RuleFields.Find(code);
        Operator = field?.Operators.FirstOrDefault() ?? RuleOperator.Eq;
        if (field?.Kind == RuleFieldKind.Set)
        {
            Operator = RuleOperator.In;
        }

        Value = field?.Kind == RuleFieldKind.Bool ? "true" : null;
        To = null;
        Values = [];
        WindowDays = field?.NeedsWindow == true ? 90 : null;
    }

    public RuleCondition ToCondition() => new()
    {
        Field = Field,
        Operator = Operator,
        Value = TakesList ? null : Value,
        To = Operator == RuleOperator.Between ? To : null,
        Values = TakesList ? [.. Values] : null,
        WindowDays = Definition?.NeedsWindow == true ? WindowDays : null,
    };
}
