using System.Globalization;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Core.Privacy;

/// <summary>
/// The profile fields a correction may change, by their <see cref="CustomerProfile"/> names. Values are applied onto the
/// current profile; the result is then checked by <see cref="CustomerValidator"/> like any other edit.
/// </summary>
public static class CorrectableFields
{
    public static readonly IReadOnlyList<string> All =
    [
        nameof(CustomerProfile.Name), nameof(CustomerProfile.IdNumber), nameof(CustomerProfile.Gender), nameof(CustomerProfile.BirthDate),
        nameof(CustomerProfile.Mobile), nameof(CustomerProfile.Email), nameof(CustomerProfile.Province), nameof(CustomerProfile.City),
        nameof(CustomerProfile.District), nameof(CustomerProfile.AddressLine), nameof(CustomerProfile.Occupation), nameof(CustomerProfile.Industry),
        nameof(CustomerProfile.LegalRepresentative),
    ];

    /// <summary>The field's <see cref="CustomerProfile"/> name whatever its case (API clients send camelCase), or the name as given.</summary>
    public static string Canonical(string field) => All.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase)) ?? field;

    /// <summary>The profile with the proposed values, or the fields that cannot be read.</summary>
    public static (CustomerProfile Profile, IReadOnlyList<FieldError> Errors) Apply(CustomerProfile current, IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<FieldError>();
        if (changes.Count == 0)
        {
            errors.Add(new FieldError("changes", "required", "请至少填写一项需更正的内容"));
        }

        var profile = current;
        foreach (var (name, raw) in changes)
        {
            var field = Canonical(name);
            var value = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            switch (field)
            {
                case nameof(CustomerProfile.Name): profile = profile with { Name = value ?? string.Empty }; break;
                case nameof(CustomerProfile.IdNumber): profile = profile with { IdNumber = value }; break;
                case nameof(CustomerProfile.Mobile): profile = profile with { Mobile = value }; break;
                case nameof(CustomerProfile.Email): profile = profile with { Email = value }; break;
                case nameof(CustomerProfile.Province): profile = profile with { Province = value }; break;
                case nameof(CustomerProfile.City): profile = profile with { City = value }; break;
                case nameof(CustomerProfile.District): profile = profile with { District = value }; break;
                case nameof(CustomerProfile.AddressLine): profile = profile with { AddressLine = value }; break;
                case nameof(CustomerProfile.Occupation): profile = profile with { Occupation = value }; break;
                case nameof(CustomerProfile.Industry): profile = profile with { Industry = value }; break;
                case nameof(CustomerProfile.LegalRepresentative): profile = profile with { LegalRepresentative = value }; break;
                case nameof(CustomerProfile.Gender):
                    if (value is null)
                    {
                        profile = profile with { Gender = null };
                    }
                    else if (Enum.TryParse<Gender>(value, ignoreCase: true, out var gender) && Enum.IsDefined(gender))
                    {
                        profile = profile with { Gender = gender };
                    }
                    else
                    {
                        errors.Add(new FieldError(field, "format", "性别应为 Male 或 Female"));
                    }

                    break;
                case nameof(CustomerProfile.BirthDate):
                    if (value is null)
                    {
                        profile = profile with { BirthDate = null };
                    }
                    else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
                    {
                        profile = profile with { BirthDate = birth };
                    }
                    else
                    {
                        errors.Add(new FieldError(field, "format", "出生日期格式应为 yyyy-MM-dd"));
                    }

                    break;
                default:
                    errors.Add(new FieldError(field, "unknown", $"“{field}”不是可更正的字段"));
                    break;
            }
        }

        return (profile, errors);
    }
}
