using BankCrm.Core.Organization;

namespace BankCrm.Core.Consent;

/// <summary>
/// Who may record a grant or withdrawal on the customer's behalf: the staff who meet the customer
/// (relationship managers, tellers, branch managers), each within their customer scope. Head office,
/// marketing, compliance and audit read consents but do not record them: marketing in particular must
/// not be able to grant itself a channel.
/// </summary>
public static class ConsentRecorders
{
    public static bool MayRecord(Actor actor) =>
        actor.IsInRole(StaffRole.RelationshipManager) || actor.IsInRole(StaffRole.Teller) || actor.IsInRole(StaffRole.BranchManager);
}
