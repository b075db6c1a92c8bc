namespace BankCrm.Core.Organization;

/// <summary>A branch (支行) of the bank; staff and customers belong to one.</summary>
public sealed class Branch
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Province { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;
}
