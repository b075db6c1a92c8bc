namespace BankCrm.Core.Segmentation.Tags;

public enum TagKind
{
    /// <summary>Customers carry the tag while they match <see cref="TagDefinition.Rule"/>; refreshed nightly.</summary>
    Rule = 1,

    /// <summary>Set and removed by staff on the Customer 360 page.</summary>
    Manual = 2,
}

/// <summary>A tag staff see on customers and build segments from (seed 002 三(一): 科创企业, 跨境电商, 育儿家庭 …).</summary>
public sealed class TagDefinition
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public TagKind Kind { get; set; }

    /// <summary>The rule as JSON (<see cref="RuleJson"/>); null for manual tags.</summary>
    public string? Rule { get; set; }

    /// <summary>Shipped with BankCrm (a starter tag); editable like any other; created on start when no tag has this code.</summary>
    public string? StarterCode { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>When the rule tag was last materialised into customer_tags, and how many customers matched.</summary>
    public DateTime? RefreshedAt { get; set; }

    public int CustomerCount { get; set; }
}
