using System.Text.RegularExpressions;

namespace BankCrm.Core.Organization;

/// <summary>The member of staff on whose behalf a query or change runs; every data access takes one.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlyCollection<string> Roles, int? BranchId)
{
    public CustomerScope Scope => CustomerScope.For(Roles, UserId, BranchId);

    /// <summary>
    /// Customers outside <see cref="Scope"/> that a colleague has shared with this actor and whose share has not
    /// expired; each is seen like one of the actor's own book (docs/security.md, 客户共享).
    /// </summary>
    public IReadOnlyList<long> SharedCustomerIds { get; init; } = [];

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Whether one of the actor's roles holds the permission in <see cref="PermissionMatrix"/>.</summary>
    public bool Can(string permission) => PermissionMatrix.Allows(Roles, permission);

    /// <summary>
    /// Names and birth dates in full (C1 in full) go to roles with the full customer view; tellers and marketing
    /// see the basic view: name masked (张*), no birth date, address to the district.
    /// </summary>
    public bool SeesFullProfile => Can(Permissions.CustomersRead);

    /// <summary>A customer's name as this actor may see it: in full, or masked for the basic view.</summary>
    public string NameAsSeen(string name) => SeesFullProfile ? name : Customers.Masking.Name(name);

    /// <summary>
    /// A text that names the customer (a message addressed to a company by its full name) as this actor may see it: the
    /// name as <see cref="NameAsSeen"/> shows it, and for a Latin-script name the words its mask hides (a message says
    /// "Smith先生" where the masked name shows "John *****").
    /// </summary>
    public string TextAsSeen(string text, string name)
    {
        if (SeesFullProfile || string.IsNullOrEmpty(text) || name.Length < 2)
        {
            return text;
        }

        var seen = text.Replace(name, Customers.Masking.Name(name), StringComparison.Ordinal);
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            seen = Regex.Replace(
                seen, $@"(?<![A-Za-z]){Regex.Escape(word)}(?![A-Za-z])", new string('*', word.Length), RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        return seen;
    }
}
