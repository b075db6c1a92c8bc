using BankCrm.Core.Organization;

namespace BankCrm.Web.Customers.Sharing;

/// <summary>The sharing settings of the <c>Security</c> section (<c>Security__MaxShareDays</c>).</summary>
public sealed class SharingOptions
{
    /// <summary>The longest a customer may be shared in one go; a longer need is a change of relationship manager.</summary>
    public int MaxShareDays { get; set; } = CustomerSharingRules.DefaultMaxDays;
}
