namespace BankCrm.Data.Customers.ImportCustomers;

/// <summary>
/// The columns an import file may have. Profile fields carry the names of <see cref="Core.Customers.CustomerProfile"/>
/// so that the validator's field errors map back to a column by name.
/// </summary>
internal enum ImportField
{
    CustomerNumber,
    Type,
    Name,
    IdNumber,
    Gender,
    BirthDate,
    Mobile,
    Email,
    Province,
    City,
    District,
    AddressLine,
    Occupation,
    Industry,
    LegalRepresentative,
    ImportExportBusiness,
    BranchCode,
    RelationshipManager,
}
