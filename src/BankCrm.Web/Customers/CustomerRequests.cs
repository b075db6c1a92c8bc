using BankCrm.Core.Customers;
using BankCrm.Core.Organization;

namespace BankCrm.Web.Customers;

/// <summary>Body of POST /api/v1/customers.</summary>
public sealed record CreateCustomerRequest(
    CustomerType Type,
    string? Name,
    string? IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Mobile,
    string? Email,
    string? Province,
    string? City,
    string? District,
    string? AddressLine,
    string? Occupation,
    string? Industry,
    string? LegalRepresentative,
    bool ImportExportBusiness,
    int? BranchId,
    string? RelationshipManagerId)
{
    public CustomerProfile ToProfile() => new()
    {
        Type = Type,
        Name = Name ?? string.Empty,
        IdNumber = IdNumber,
        Gender = Gender,
        BirthDate = BirthDate,
        Mobile = Mobile,
        Email = Email,
        Province = Province,
        City = City,
        District = District,
        AddressLine = AddressLine,
        Occupation = Occupation,
        Industry = Industry,
        LegalRepresentative = LegalRepresentative,
        ImportExportBusiness = ImportExportBusiness,
    };
}

/// <summary>
/// Body of PUT /api/v1/customers/{id}. A field left out (null) keeps its stored value, so a client never
/// has to send back the full ID number it was only shown masked. <c>Version</c> is the one the client read.
/// </summary>
public sealed record UpdateCustomerRequest(
    int Version,
    string? Name,
    string? IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Mobile,
    string? Email,
    string? Province,
    string? City,
    string? District,
    string? AddressLine,
    string? Occupation,
    string? Industry,
    string? LegalRepresentative,
    bool? ImportExportBusiness)
{
    public CustomerProfile MergeInto(CustomerProfile current) => current with
    {
        Name = Name ?? current.Name,
        IdNumber = IdNumber ?? current.IdNumber,
        Gender = Gender ?? current.Gender,
        BirthDate = BirthDate ?? current.BirthDate,
        Mobile = Mobile ?? current.Mobile,
        Email = Email ?? current.Email,
        Province = Province ?? current.Province,
        City = City ?? current.City,
        District = District ?? current.District,
        AddressLine = AddressLine ?? current.AddressLine,
        Occupation = Occupation ?? current.Occupation,
        Industry = Industry ?? current.Industry,
        LegalRepresentative = LegalRepresentative ?? current.LegalRepresentative,
        ImportExportBusiness = ImportExportBusiness ?? current.ImportExportBusiness,
    };
}

/// <summary>A customer as the API returns it: identifiers masked.</summary>
public sealed record CustomerResponse(
    long Id,
    string CustomerNumber,
    CustomerType Type,
    string Name,
    string MaskedIdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    string MaskedMobile,
    string MaskedEmail,
    string? Province,
    string? City,
    string? District,
    string? Occupation,
    string? Industry,
    string? LegalRepresentative,
    bool ImportExportBusiness,
    int BranchId,
    string? RelationshipManagerId,
    KycStatus KycStatus,
    int Version)
{
    /// <summary>Identifiers masked for everyone; names (the customer's, the legal representative's) and birth date too for roles with the basic view only.</summary>
    public static CustomerResponse From(Customer c, Actor viewer) => new(
        c.Id, c.CustomerNumber, c.Type, viewer.NameAsSeen(c.Name), Masking.IdNumber(c.IdNumber), c.Gender,
        viewer.SeesFullProfile ? c.BirthDate : null, Masking.Mobile(c.Mobile), Masking.Email(c.Email),
        c.Province, c.City, c.District, c.Occupation, c.Industry, c.LegalRepresentative is { } representative ? viewer.NameAsSeen(representative) : null, c.ImportExportBusiness, c.BranchId, c.RelationshipManagerId, c.KycStatus, c.Version);
}
