using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Segments;

namespace BankCrm.Data.Segmentation.Segments;

public sealed record SegmentListItem(long Id, string Name, string Description, string OwnerName, bool Mine, DateTime UpdatedAt);

public sealed record SegmentShareInput(ShareKind Kind, string Principal);

public sealed record SegmentInput(string Name, string? Description, string Rule, IReadOnlyList<SegmentShareInput>? SharedWith);

public sealed record SegmentView(long Id, string Name, string Description, string Rule, string OwnerId, string OwnerName, bool Mine,
    IReadOnlyList<SegmentShareInput> SharedWith, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SegmentView From(Segment s, string userId) => new(s.Id, s.Name, s.Description, s.Rule, s.OwnerId, s.OwnerName, s.OwnerId == userId,
        [.. s.Shares.Select(x => new SegmentShareInput(x.Kind, x.Principal))], s.CreatedAt, s.UpdatedAt);
}

/// <summary>A member as campaigns and the members list see it: the id and the masked name.</summary>
public sealed record SegmentMember(long Id, string CustomerNumber, string MaskedName);

public abstract record SegmentOutcome
{
    public sealed record Saved(SegmentView Segment) : SegmentOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SegmentOutcome;

    public sealed record NotFound : SegmentOutcome;

    /// <summary>Visible (shared) but only its owner may change it.</summary>
    public sealed record NotOwner : SegmentOutcome;
}
