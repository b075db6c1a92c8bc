using System.Text.Json.Serialization;

namespace BankCrm.Core.Segmentation.Tags;

public enum RuleCombine
{
    And = 1,
    Or = 2,
}

public enum RuleOperator
{
    Eq = 1,
    Ne = 2,
    Gt = 3,
    Ge = 4,
    Lt = 5,
    Le = 6,
    Between = 7,

    /// <summary>Any of <see cref="RuleCondition.Values"/> (for tags and needs: has any of them).</summary>
    In = 8,

    /// <summary>None of <see cref="RuleCondition.Values"/>.</summary>
    NotIn = 9,

    /// <summary>All of <see cref="RuleCondition.Values"/> (tags and needs only).</summary>
    All = 10,

    Contains = 11,
}

/// <summary>
/// Who matches a tag or a segment: groups of conditions, each group combining its conditions with AND or OR,
/// and the groups combined with <see cref="Combine"/>. Stored as JSON (tag_definitions.rule, segments.rule).
/// </summary>
public sealed record CustomerRule
{
    [JsonConverter(typeof(JsonStringEnumConverter<RuleCombine>))]
    public RuleCombine Combine { get; init; } = RuleCombine.And;

    public IReadOnlyList<RuleGroup> Groups { get; init; } = [];
}

public sealed record RuleGroup
{
    [JsonConverter(typeof(JsonStringEnumConverter<RuleCombine>))]
    public RuleCombine Combine { get; init; } = RuleCombine.And;

    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];
}

/// <summary>
/// One test on one field, e.g. <c>{ "field": "txCount", "operator": "Ge", "value": "3", "windowDays": 90 }</c>.
/// Values are text so one shape serves numbers, dates, codes and names; <see cref="RuleValidator"/> checks them
/// against the field's kind.
/// </summary>
public sealed record RuleCondition
{
    public string Field { get; init; } = string.Empty;

    [JsonConverter(typeof(JsonStringEnumConverter<RuleOperator>))]
    public RuleOperator Operator { get; init; } = RuleOperator.Eq;

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; init; }

    /// <summary>Upper bound of <see cref="RuleOperator.Between"/> (inclusive).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? To { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Days back from the evaluation date, for transaction and behaviour fields.</summary>
    public int? WindowDays { get; init; }
}
