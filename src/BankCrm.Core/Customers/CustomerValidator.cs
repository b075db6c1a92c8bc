using System.Net.Mail;
using BankCrm.Core.Common;

namespace BankCrm.Core.Customers;

/// <summary>
/// The rules every customer record must meet, whether typed in the form, sent to the API or imported.
/// Returns a normalised profile (full-width digits folded, IDs upper-cased) when there is no error.
/// </summary>
public static class CustomerValidator
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 200;

    public static (CustomerProfile Normalized, IReadOnlyList<FieldError> Errors) Validate(CustomerProfile input, DateOnly today)
    {
        var errors = new List<FieldError>();
        var name = TextNormalizer.Clean(input.Name);
        if (name.Length == 0)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.Name), "required", input.Type == CustomerType.Corporate ? "企业名称不能为空" : "姓名不能为空"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.Name), "length", $"名称不能超过 {MaxNameLength} 个字符"));
        }

        var normalized = input with
        {
            Name = name,
            Email = NullIfEmpty(TextNormalizer.Clean(input.Email)),
            Province = NullIfEmpty(TextNormalizer.Clean(input.Province)),
            City = NullIfEmpty(TextNormalizer.Clean(input.City)),
            District = NullIfEmpty(TextNormalizer.Clean(input.District)),
            AddressLine = NullIfEmpty(TextNormalizer.Clean(input.AddressLine)),
            Occupation = NullIfEmpty(TextNormalizer.Clean(input.Occupation)),
            Industry = NullIfEmpty(TextNormalizer.Clean(input.Industry)),
            LegalRepresentative = NullIfEmpty(TextNormalizer.Clean(input.LegalRepresentative)),
        };

        normalized = input.Type == CustomerType.Corporate
            ? ValidateCorporate(normalized, errors)
            : ValidateIndividual(normalized, today, errors);

        normalized = ValidateContact(normalized, input.Type, errors);
        CheckLengths(normalized, errors);
        return (normalized, errors);
    }

    private static CustomerProfile ValidateIndividual(CustomerProfile profile, DateOnly today, List<FieldError> errors)
    {
        var id = ResidentIdNumber.Parse(profile.IdNumber, today);
        if (!id.IsValid)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.IdNumber), id.Rule!, id.Message!));
            return profile with { LegalRepresentative = null, ImportExportBusiness = false };
        }

        var parsed = id.Value!;
        if (profile.BirthDate is { } birth && birth != parsed.BirthDate)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.BirthDate), "id_mismatch", $"出生日期与身份证号不一致（身份证号显示 {parsed.BirthDate:yyyy-MM-dd}）"));
        }

        if (profile.Gender is { } gender && gender != parsed.Gender)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.Gender), "id_mismatch", $"性别与身份证号不一致（身份证号显示{(parsed.Gender == Gender.Male ? "男" : "女")}）"));
        }

        return profile with
        {
            IdNumber = parsed.Value,
            BirthDate = profile.BirthDate ?? parsed.BirthDate,
            Gender = profile.Gender ?? parsed.Gender,
            LegalRepresentative = null,
        };
    }

    private static CustomerProfile ValidateCorporate(CustomerProfile profile, List<FieldError> errors)
    {
        var code = UnifiedSocialCreditCode.Parse(profile.IdNumber);
        if (!code.IsValid)
        {
            errors.Add(new FieldError(nameof(CustomerProfile.IdNumber), code.Rule!, code.Message!));
        }

        if (string.IsNullOrEmpty(profile.LegalRepresentative))
        {
            errors.Add(new FieldError(nameof(CustomerProfile.LegalRepresentative), "required", "对公客户必须填写法定代表人"));
        }

        if (string.IsNullOrEmpty(profile.Industry))
        {
            errors.Add(new FieldError(nameof(CustomerProfile.Industry), "required", "对公客户必须填写所属行业"));
        }

        return profile with { IdNumber = code.Value?.Value ?? profile.IdNumber, Gender = null, BirthDate = null, Occupation = null };
    }

    private static CustomerProfile ValidateContact(CustomerProfile profile, CustomerType type, List<FieldError> errors)
    {
        var mobile = MobileNumber.Parse(profile.Mobile);
        var mobileValue = mobile.Value?.Value;
        if (!mobile.IsValid)
        {
            var missingButOptional = mobile.Rule == "required" && type == CustomerType.Corporate;
            if (!missingButOptional)
            {
                errors.Add(new FieldError(nameof(CustomerProfile.Mobile), mobile.Rule!, mobile.Message!));
            }
        }

        if (profile.Email is { } email && !IsEmail(email))
        {
            errors.Add(new FieldError(nameof(CustomerProfile.Email), "format", "邮箱格式不正确"));
        }

        return profile with { Mobile = mobileValue ?? NullIfEmpty(TextNormalizer.Clean(profile.Mobile)) };
    }

    private static void CheckLengths(CustomerProfile profile, List<FieldError> errors)
    {
        (string Field, string? Value)[] texts =
        [
            (nameof(CustomerProfile.Email), profile.Email),
            (nameof(CustomerProfile.Province), profile.Province),
            (nameof(CustomerProfile.City), profile.City),
            (nameof(CustomerProfile.District), profile.District),
            (nameof(CustomerProfile.AddressLine), profile.AddressLine),
            (nameof(CustomerProfile.Occupation), profile.Occupation),
            (nameof(CustomerProfile.Industry), profile.Industry),
            (nameof(CustomerProfile.LegalRepresentative), profile.LegalRepresentative),
        ];
        foreach (var (field, value) in texts)
        {
            if (value is { Length: > MaxTextLength })
            {
                errors.Add(new FieldError(field, "length", $"不能超过 {MaxTextLength} 个字符"));
            }
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
