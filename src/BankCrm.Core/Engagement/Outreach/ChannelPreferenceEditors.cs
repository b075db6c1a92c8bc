using BankCrm.Core.Organization;

namespace BankCrm.Core.Engagement.Outreach;

/// <summary>
/// Who may set a customer's channel scores (the customer said "call me, don't text"): the relationship manager and
/// the branch manager, who talk to the customer, within their scope. Marketing reads the ranking but may not move a
/// customer onto the channel it would like to use.
/// </summary>
public static class ChannelPreferenceEditors
{
    public static bool MayEdit(Actor actor) =>
        actor.IsInRole(StaffRole.RelationshipManager) || actor.IsInRole(StaffRole.BranchManager);
}
