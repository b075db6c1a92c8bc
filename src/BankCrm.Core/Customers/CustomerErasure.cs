namespace BankCrm.Core.Customers;

/// <summary>Erasure of personal data under PIPL Art. 47 (see Core/Privacy/ErasurePolicy for what may go).</summary>
public sealed partial class Customer
{
    /// <summary>What the change history shows instead of an erased value: the history must not keep what was erased.</summary>
    public const string Erased = "[已删除]";

    /// <summary>Removes e-mail and address (and the mobile when <paramref name="mobile"/>); returns one change per field that had a value.</summary>
    public IReadOnlyList<FieldChange> EraseContactData(bool mobile, string changedBy, DateTime now)
    {
        var changes = new List<FieldChange>();
        Email = Clear(Email, nameof(Email));
        Province = Clear(Province, nameof(Province));
        City = Clear(City, nameof(City));
        District = Clear(District, nameof(District));
        AddressLine = Clear(AddressLine, nameof(AddressLine));
        if (mobile)
        {
            Mobile = Clear(Mobile, nameof(Mobile));
        }

        Touch(changes, now);
        return changes;

        string? Clear(string? value, string field)
        {
            if (value is not null)
            {
                changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = field, OldValue = Erased, NewValue = null });
            }

            return null;
        }
    }

    /// <summary>Replaces the name and removes identifiers, birth date, gender and occupation: the record no longer identifies a person.</summary>
    public IReadOnlyList<FieldChange> Anonymise(string anonymousName, string changedBy, DateTime now)
    {
        var changes = new List<FieldChange>(EraseContactData(mobile: true, changedBy, now));
        if (!string.Equals(Name, anonymousName, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = nameof(Name), OldValue = Erased, NewValue = anonymousName });
            Name = anonymousName;
        }

        void Clear(bool hadValue, string field)
        {
            if (hadValue)
            {
                changes.Add(new FieldChange { CustomerId = Id, ChangedAt = now, ChangedBy = changedBy, Field = field, OldValue = Erased, NewValue = null });
            }
        }

        Clear(IdNumber is not null, nameof(IdNumber));
        Clear(BirthDate is not null, nameof(BirthDate));
        Clear(Gender is not null, nameof(Gender));
        Clear(Occupation is not null, nameof(Occupation));
        Clear(LegalRepresentative is not null, nameof(LegalRepresentative));
        IdNumber = null;
        BirthDate = null;
        Gender = null;
        Occupation = null;
        LegalRepresentative = null;
        Touch(changes, now);
        return changes;
    }

    private void Touch(List<FieldChange> changes, DateTime now)
    {
        if (changes.Count > 0)
        {
            UpdatedAt = now;
            Version++;
        }
    }
}
