using BankCrm.Core.Common;

namespace BankCrm.Core.Customers;

/// <summary>
/// The 18-character Unified Social Credit Code of a company (GB 32100-2015). Characters come from a
/// 31-symbol alphabet without I, O, Z, S and V; the last is a MOD 31 check character.
/// </summary>
public sealed class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static ParseResult<UnifiedSocialCreditCode> Parse(string? input)
    {
        var value = TextNormalizer.Compact(input).ToUpperInvariant();
        if (value.Length == 0)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail("required", "统一社会信用代码不能为空");
        }

        if (value.Length != 18)
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail("length", "统一社会信用代码应为 18 位");
        }

        foreach (var ch in value)
        {
            if (!Alphabet.Contains(ch, StringComparison.Ordinal))
            {
                return ParseResult<UnifiedSocialCreditCode>.Fail("format", $"统一社会信用代码含有无效字符“{ch}”");
            }
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            return ParseResult<UnifiedSocialCreditCode>.Fail("checksum", "统一社会信用代码校验位错误");
        }

        return ParseResult<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(value));
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
