namespace BankCrm.Core.Segmentation.Tags;

public enum RuleFieldKind
{
    Number = 1,
    Text = 2,

    /// <summary>One of a fixed list of codes (an enum); compared with Eq, Ne, In, NotIn.</summary>
    Choice = 3,
    Bool = 4,

    /// <summary>Something a customer has several of (product categories, tags, needs): has any, all or none of the values.</summary>
    Set = 5,
}

public enum RuleFieldGroup
{
    Profile = 1,
    Holdings = 2,
    Transactions = 3,
    Behaviour = 4,
    Scores = 5,
    Tags = 6,
}

public sealed record RuleChoice(string Code, string Label);

/// <summary>A field a rule may test: its code in the JSON, its Chinese label and what values and operators it takes.</summary>
public sealed record RuleField(string Code, string Label, RuleFieldGroup Group, RuleFieldKind Kind)
{
    /// <summary>Transaction and behaviour fields count what happened in the last N days.</summary>
    public bool NeedsWindow { get; init; }

    /// <summary>Fields read from the latest scoring run or from tags: segments may use them, tag rules may not (a tag must not depend on tags).</summary>
    public bool SegmentOnly { get; init; }

    public IReadOnlyList<RuleChoice> Choices { get; init; } = [];

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Counts, ages and scores take whole numbers only.</summary>
    public bool Integer { get; init; }

    /// <summary>
    /// A sum of money (AUM, transaction amounts): an asset detail. Only a caller who may see amounts may put a new bound
    /// on it in a rule, or a narrowing rule would read one customer's amount (<see cref="AmountConditions"/>).
    /// </summary>
    public bool IsAmount { get; init; }

    public IReadOnlyList<RuleOperator> Operators => Kind switch
    {
        RuleFieldKind.Number => [RuleOperator.Eq, RuleOperator.Ne, RuleOperator.Gt, RuleOperator.Ge, RuleOperator.Lt, RuleOperator.Le, RuleOperator.Between],
        RuleFieldKind.Text => [RuleOperator.Eq, RuleOperator.Ne, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Contains],
        RuleFieldKind.Choice => [RuleOperator.Eq, RuleOperator.Ne, RuleOperator.In, RuleOperator.NotIn],
        RuleFieldKind.Bool => [RuleOperator.Eq],
        RuleFieldKind.Set => [RuleOperator.In, RuleOperator.All, RuleOperator.NotIn],
        _ => [],
    };

    public static string OperatorLabel(RuleOperator op, RuleFieldKind kind) => (op, kind) switch
    {
        (RuleOperator.In, RuleFieldKind.Set) => "含任一",
        (RuleOperator.All, _) => "全部含",
        (RuleOperator.NotIn, RuleFieldKind.Set) => "都不含",
        (RuleOperator.Eq, _) => "等于",
        (RuleOperator.Ne, _) => "不等于",
        (RuleOperator.Gt, _) => "大于",
        (RuleOperator.Ge, _) => "大于等于",
        (RuleOperator.Lt, _) => "小于",
        (RuleOperator.Le, _) => "小于等于",
        (RuleOperator.Between, _) => "介于",
        (RuleOperator.In, _) => "属于",
        (RuleOperator.NotIn, _) => "不属于",
        (RuleOperator.Contains, _) => "包含",
        _ => op.ToString(),
    };
}
