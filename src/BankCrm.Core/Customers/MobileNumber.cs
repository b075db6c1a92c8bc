using BankCrm.Core.Common;

namespace BankCrm.Core.Customers;

/// <summary>A mainland China mobile number: 11 digits starting 13–19, stored without a country code.</summary>
public sealed class MobileNumber
{
    /// <summary>Number segments issued to China Mobile, China Unicom and China Telecom (and broadcast 192).</summary>
    public static readonly IReadOnlyList<string> CarrierPrefixes =
    [
        "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "172",
        "178", "182", "183", "184", "187", "188", "195", "197", "198",
        "130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186", "196",
        "133", "149", "153", "173", "177", "180", "181", "189", "190", "191", "193", "199",
        "192",
    ];

    private static readonly HashSet<string> KnownPrefixes = [.. CarrierPrefixes];

    private MobileNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static ParseResult<MobileNumber> Parse(string? input)
    {
        var value = TextNormalizer.Compact(input);
        if (value.Length == 0)
        {
            return ParseResult<MobileNumber>.Fail("required", "手机号不能为空");
        }

        if (value.StartsWith("+86", StringComparison.Ordinal))
        {
            value = value[3..];
        }
        else if (value.StartsWith("0086", StringComparison.Ordinal))
        {
            value = value[4..];
        }
        else if (value.Length == 13 && value.StartsWith("86", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.Length != 11 || !value.All(char.IsAsciiDigit))
        {
            return ParseResult<MobileNumber>.Fail("format", "手机号应为 11 位数字");
        }

        if (!KnownPrefixes.Contains(value[..3]))
        {
            return ParseResult<MobileNumber>.Fail("prefix", "手机号号段不存在");
        }

        return ParseResult<MobileNumber>.Ok(new MobileNumber(value));
    }
}
