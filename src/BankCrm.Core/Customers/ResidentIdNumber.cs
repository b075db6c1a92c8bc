using System.Globalization;
using BankCrm.Core.Common;

namespace BankCrm.Core.Customers;

/// <summary>
/// An 18-character PRC resident identity number (GB 11643-1999): a 6-digit area code, the birth date
/// as yyyyMMdd, a 3-digit sequence whose parity gives the gender, and an ISO 7064 MOD 11-2 check character.
/// </summary>
public sealed class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // GB/T 2260 province-level codes; the first two digits of every valid area code.
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private ResidentIdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    public string AreaCode => Value[..6];

    public override string ToString() => Value;

    public static ParseResult<ResidentIdNumber> Parse(string? input, DateOnly today)
    {
        var value = TextNormalizer.Compact(input).ToUpperInvariant();
        if (value.Length == 0)
        {
            return ParseResult<ResidentIdNumber>.Fail("required", "身份证号不能为空");
        }

        if (value.Contains('E', StringComparison.Ordinal) && value.Contains('+', StringComparison.Ordinal))
        {
            return ParseResult<ResidentIdNumber>.Fail("excel_scientific", "身份证号被 Excel 转成了科学计数法，请把该列设为文本后重新导出");
        }

        if (value.Length != 18)
        {
            return ParseResult<ResidentIdNumber>.Fail("length", "身份证号应为 18 位");
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return ParseResult<ResidentIdNumber>.Fail("format", "身份证号前 17 位必须是数字");
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return ParseResult<ResidentIdNumber>.Fail("format", "身份证号最后一位必须是数字或 X");
        }

        if (!ProvinceCodes.Contains(value[..2]))
        {
            return ParseResult<ResidentIdNumber>.Fail("area", "身份证号地区码无效");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return ParseResult<ResidentIdNumber>.Fail("birth_date", "身份证号中的出生日期无效");
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            return ParseResult<ResidentIdNumber>.Fail("checksum", "身份证号校验位错误");
        }

        var gender = (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return ParseResult<ResidentIdNumber>.Ok(new ResidentIdNumber(value, birth, gender));
    }

    /// <summary>Builds a valid number from its parts; used by the demo-bank generator.</summary>
    public static string Compose(string areaCode, DateOnly birthDate, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(areaCode.Length, 6);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var body = string.Create(CultureInfo.InvariantCulture, $"{areaCode}{birthDate:yyyyMMdd}{sequence:D3}");
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
