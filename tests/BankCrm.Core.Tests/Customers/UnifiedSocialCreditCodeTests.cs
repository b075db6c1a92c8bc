using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class UnifiedSocialCreditCodeTests
{
    // Check characters computed by hand with the GB 32100-2015 weights (3^i mod 31) and MOD 31;
    // the first is the example printed in the standard's commentary.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108MA01ABCD1E")]
    [InlineData("91310000132149237G")]
    [InlineData("12100000400000624D")]
    [InlineData("91440300MA5F00001A")]
    public void Parse_WhenCheckCharacterComputed_IsValid(string code)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(code, result.Value!.Value);
    }

    [Fact]
    public void Parse_WhenLowerCaseAndGroupedWithSpaces_IsNormalised()
    {
        var result = UnifiedSocialCreditCode.Parse(" 91350100 m000100y43 ");

        Assert.True(result.IsValid);
        Assert.Equal("91350100M000100Y43", result.Value!.Value);
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4A")]
    [InlineData("91110108MA01ABCD1F")]
    public void Parse_WhenCheckCharacterWrong_FailsChecksum(string code)
    {
        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.Equal("checksum", result.Rule);
        Assert.Equal("统一社会信用代码校验位错误", result.Message);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Parse_WhenForbiddenLetter_FailsFormatNamingTheLetter(char letter)
    {
        var code = "91350100M000100Y4" + letter;

        var result = UnifiedSocialCreditCode.Parse(code);

        Assert.Equal("format", result.Rule);
        Assert.Contains(letter.ToString(), result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenForbiddenLetterInTheBody_FailsFormat()
    {
        Assert.Equal("format", UnifiedSocialCreditCode.Parse("91350100O000100Y43").Rule);
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y431")]
    public void Parse_WhenNot18Characters_FailsLength(string code)
    {
        Assert.Equal("length", UnifiedSocialCreditCode.Parse(code).Rule);
    }

    [Fact]
    public void Parse_WhenMissing_FailsRequired()
    {
        Assert.Equal("required", UnifiedSocialCreditCode.Parse(null).Rule);
    }

    [Fact]
    public void CheckCharacter_WhenRemainderIsZero_IsZeroNotOutOfRange()
    {
        // All zeros sum to 0; 31 - 0 = 31 must wrap to the first symbol.
        Assert.Equal('0', UnifiedSocialCreditCode.CheckCharacter("00000000000000000"));
    }
}
