namespace BankCrm.Core.Customers;

/// <summary>The fields staff may type for a customer; the same shape for the form, the API and the import.</summary>
public sealed record CustomerProfile
{
    public CustomerType Type { get; init; } = CustomerType.Individual;

    public string Name { get; init; } = string.Empty;

    /// <summary>Resident ID number for individuals, Unified Social Credit Code for companies.</summary>
    public string? IdNumber { get; init; }

    public Gender? Gender { get; init; }

    public DateOnly? BirthDate { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    public string? AddressLine { get; init; }

    public string? Occupation { get; init; }

    public string? Industry { get; init; }

    public string? LegalRepresentative { get; init; }

    public bool ImportExportBusiness { get; init; }
}
