using System.Globalization;

namespace BankCrm.Core.Customers;

/// <summary>A customer of the bank, individual or corporate: the root of the customer archive.</summary>
public sealed partial class Customer
{
    private Customer()
    {
    }

    public long Id { get; private set; }

    public string CustomerNumber { get; private set; } = string.Empty;

    public CustomerType Type { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? IdNumber { get; private set; }

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public string? Mobile { get; private set; }

    public string? Email { get; private set; }

    public string? Province { get; private set; }

    public string? City { get; private set; }

    public string? District { get; private set; }

    public string? AddressLine { get; private set; }

    public string? Occupation { get; private set; }

    public string? Industry { get; private set; }

    public string? LegalRepresentative { get; private set; }

    public bool ImportExportBusiness { get; private set; }

    public int BranchId { get; private set; }

    public string? RelationshipManagerId { get; private set; }

    public KycStatus KycStatus { get; private set; }

    public DateOnly? KycExpiresOn { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Incremented on every save; a stale version means someone else saved first.</summary>
    public int Version { get; private set; }

    public static Customer Create(string customerNumber, CustomerProfile profile, int branchId, string? relationshipManagerId, DateTime now)
    {
        var customer = new Customer
        {
            CustomerNumber = customerNumber,
            BranchId = branchId,
            RelationshipManagerId = relationshipManagerId,
            CreatedAt = now,
            UpdatedAt = now,
            KycStatus = KycStatus.Pending,
            Version = 1,
        };
        customer.CopyFrom(profile);
        return customer;
    }

    /// <summary>Used by the demo-bank generator and bulk loaders, which assign ids themselves.</summary>
    public static Customer Restore(long id, string customerNumber, CustomerProfile profile, int branchId, string? relationshipManagerId, KycStatus kyc, DateOnly? kycExpiresOn, DateTime createdAt)
    {
        var customer = Create(customerNumber, profile, branchId, relationshipManagerId, createdAt);
        customer.Id = id;
        customer.KycStatus = kyc;
        customer.KycExpiresOn = kycExpiresOn;
        return customer;
    }

    public CustomerProfile ToProfile() => new()
    {
        Type = Type,
        Name = Name,
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

    /// <summary>Applies a validated profile and returns one change record per field that differs.</summary>
    public IReadOnlyList<FieldChange> Update(CustomerProfile profile, string changedBy, DateTime now)
    {
        var before = Describe(ToProfile());
        var after = Describe(profile);
        var changes = new List<FieldChange>();
        foreach (var (field, oldValue) in before)
        {
            var newValue = after[field];
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = field, OldValue = oldValue, NewValue = newValue });
            }
        }

        if (changes.Count > 0)
        {
            CopyFrom(profile);
            UpdatedAt = now;
            Version++;
        }

        return changes;
    }

    public IReadOnlyList<FieldChange> AssignTo(int branchId, string? relationshipManagerId, string changedBy, DateTime now)
    {
        var changes = new List<FieldChange>();
        if (branchId != BranchId)
        {
            changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = nameof(BranchId), OldValue = BranchId.ToString(CultureInfo.InvariantCulture), NewValue = branchId.ToString(CultureInfo.InvariantCulture) });
            BranchId = branchId;
        }

        if (!string.Equals(relationshipManagerId, RelationshipManagerId, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = nameof(RelationshipManagerId), OldValue = RelationshipManagerId, NewValue = relationshipManagerId });
            RelationshipManagerId = relationshipManagerId;
        }

        if (changes.Count > 0)
        {
            UpdatedAt = now;
            Version++;
        }

        return changes;
    }

    private void CopyFrom(CustomerProfile profile)
    {
        Type = profile.Type;
        Name = profile.Name;
        IdNumber = profile.IdNumber;
        Gender = profile.Gender;
        BirthDate = profile.BirthDate;
        Mobile = profile.Mobile;
        Email = profile.Email;
        Province = profile.Province;
        City = profile.City;
        District = profile.District;
        AddressLine = profile.AddressLine;
        Occupation = profile.Occupation;
        Industry = profile.Industry;
        LegalRepresentative = profile.LegalRepresentative;
        ImportExportBusiness = profile.ImportExportBusiness;
    }

    private static Dictionary<string, string?> Describe(CustomerProfile p) => new()
    {
        [nameof(CustomerProfile.Type)] = p.Type.ToString(),
        [nameof(CustomerProfile.Name)] = p.Name,
        [nameof(CustomerProfile.IdNumber)] = p.IdNumber,
        [nameof(CustomerProfile.Gender)] = p.Gender?.ToString(),
        [nameof(CustomerProfile.BirthDate)] = p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(CustomerProfile.Mobile)] = p.Mobile,
        [nameof(CustomerProfile.Email)] = p.Email,
        [nameof(CustomerProfile.Province)] = p.Province,
        [nameof(CustomerProfile.City)] = p.City,
        [nameof(CustomerProfile.District)] = p.District,
        [nameof(CustomerProfile.AddressLine)] = p.AddressLine,
        [nameof(CustomerProfile.Occupation)] = p.Occupation,
        [nameof(CustomerProfile.Industry)] = p.Industry,
        [nameof(CustomerProfile.LegalRepresentative)] = p.LegalRepresentative,
        [nameof(CustomerProfile.ImportExportBusiness)] = p.ImportExportBusiness ? "true" : "false",
    };
}
