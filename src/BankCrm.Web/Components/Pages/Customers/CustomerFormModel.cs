using BankCrm.Core.Customers;

namespace BankCrm.Web.Components.Pages.Customers;

/// <summary>
/// What the form binds to: mutable, and kept exactly as typed after a failed save. It turns into a
/// <see cref="CustomerProfile"/> for the validator and the store, which normalise it themselves.
/// </summary>
public sealed class CustomerFormModel
{
    public CustomerType Type { get; set; } = CustomerType.Individual;

    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public Gender? Gender { get; set; }

    /// <summary>A DateTime because MudDatePicker binds to one; only the date part is used.</summary>
    public DateTime? BirthDate { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? District { get; set; }

    public string? AddressLine { get; set; }

    public string? Occupation { get; set; }

    public string? Industry { get; set; }

    public string? LegalRepresentative { get; set; }

    public bool ImportExportBusiness { get; set; }

    public int? BranchId { get; set; }

    public string? RelationshipManagerId { get; set; }

    public static CustomerFormModel From(CustomerProfile profile) => new()
    {
        Type = profile.Type,
        Name = profile.Name,
        IdNumber = profile.IdNumber,
        Gender = profile.Gender,
        BirthDate = profile.BirthDate?.ToDateTime(TimeOnly.MinValue),
        Mobile = profile.Mobile,
        Email = profile.Email,
        Province = profile.Province,
        City = profile.City,
        District = profile.District,
        AddressLine = profile.AddressLine,
        Occupation = profile.Occupation,
        Industry = profile.Industry,
        LegalRepresentative = profile.LegalRepresentative,
        ImportExportBusiness = profile.ImportExportBusiness,
    };

    /// <summary>The profile to validate and save; fields that do not belong to the customer type are left out.</summary>
    public CustomerProfile ToProfile()
    {
        var individual = Type == CustomerType.Individual;
        return new CustomerProfile
        {
            Type = Type,
            Name = Name ?? string.Empty,
            IdNumber = IdNumber,
            Gender = individual ? Gender : null,
            BirthDate = individual && BirthDate is { } birth ? DateOnly.FromDateTime(birth) : null,
            Mobile = Mobile,
            Email = Email,
            Province = Province,
            City = City,
            District = District,
            AddressLine = AddressLine,
            Occupation = individual ? Occupation : null,
            Industry = Industry,
            LegalRepresentative = individual ? null : LegalRepresentative,
            ImportExportBusiness = !individual && ImportExportBusiness,
        };
    }
}
