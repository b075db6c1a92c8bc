using Microsoft.AspNetCore.Identity;

namespace BankCrm.Data.Organization;

/// <summary>A member of staff who signs in to BankCrm. Relationship managers own customers.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int? BranchId { get; set; }
}
