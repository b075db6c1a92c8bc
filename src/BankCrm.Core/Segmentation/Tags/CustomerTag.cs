namespace BankCrm.Core.Segmentation.Tags;

public enum TagSource
{
    Rule = 1,
    Manual = 2,
}

/// <summary>A tag a customer carries: from a rule (kept while the customer matches) or set by a member of staff.</summary>
public sealed class CustomerTag
{
    public long CustomerId { get; set; }

    public long TagId { get; set; }

    public TagSource Source { get; set; }

    /// <summary>The first day the customer carried the tag without a break.</summary>
    public DateOnly Since { get; set; }

    /// <summary>The user id of whoever set a manual tag; null for rule tags.</summary>
    public string? SetBy { get; set; }
}
