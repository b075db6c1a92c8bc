namespace BankCrm.Core.Segmentation.Segments;

/// <summary>
/// A saved customer segment (客群): a rule over profile, holdings, behaviour, the latest scores, tags and needs.
/// Who is in it is always worked out at the moment of use, inside the data scope of the person asking.
/// </summary>
public sealed class Segment
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The rule as JSON, the same model as tag rules (<see cref="Tags.RuleJson"/>).</summary>
    public string Rule { get; set; } = string.Empty;

    public string OwnerId { get; set; } = string.Empty;

    public string OwnerName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<SegmentShare> Shares { get; set; } = [];
}

public enum ShareKind
{
    User = 1,
    Role = 2,
}

/// <summary>One user or role a segment is shared with; shared segments can be used but only the owner edits them.</summary>
public sealed class SegmentShare
{
    public long SegmentId { get; set; }

    public ShareKind Kind { get; set; }

    /// <summary>A user id or a role name.</summary>
    public string Principal { get; set; } = string.Empty;
}
