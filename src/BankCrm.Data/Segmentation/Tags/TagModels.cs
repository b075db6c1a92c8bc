using BankCrm.Core.Common;
using BankCrm.Core.Segmentation.Tags;

namespace BankCrm.Data.Segmentation.Tags;

/// <summary>A tag in the editor's list: customers carrying it within the caller's scope.</summary>
public sealed record TagListItem(long Id, string Name, string Description, TagKind Kind, bool Starter, int Customers, DateTime? RefreshedAt, DateTime UpdatedAt, string UpdatedBy);

public sealed record TagInput(string Name, string? Description, TagKind Kind, string? Rule);

public sealed record TagSaveResult(TagDefinition? Tag, IReadOnlyList<FieldError> Errors);

/// <summary>A tag on the Customer 360 page: where it came from (its rule, or who set it) and since when.</summary>
public sealed record CustomerTagLine(long TagId, string Name, string Description, TagSource Source, string? SetByName, DateOnly Since);

public enum ManualTagOutcome
{
    Done = 1,
    NotFound = 2,
    NotManual = 3,

    /// <summary>No such customer in the caller's scope (a refusal to audit when it exists elsewhere).</summary>
    CustomerNotFound = 4,
}
