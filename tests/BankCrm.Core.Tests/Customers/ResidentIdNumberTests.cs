using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    // The worked example of GB 11643-1999: Beijing Chaoyang, born 1949-12-31, sequence 002, check X.
    private const string StandardExample = "11010519491231002X";

    [Fact]
    public void Parse_WhenStandardExample_IsValidWithBirthDateGenderAndArea()
    {
        var result = ResidentIdNumber.Parse(StandardExample, Today);

        Assert.True(result.IsValid);
        Assert.Equal(StandardExample, result.Value!.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), result.Value.BirthDate);
        Assert.Equal(Gender.Female, result.Value.Gender);
        Assert.Equal("110105", result.Value.AreaCode);
    }

    [Theory]
    [InlineData("440301199003071230")]
    [InlineData("110105199003070017")]
    [InlineData("32010219800229003X")]
    public void Parse_WhenCheckCharacterComputedByHand_IsValid(string id)
    {
        Assert.True(ResidentIdNumber.Parse(id, Today).IsValid);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("440301199003071231")]
    [InlineData("11010519900307001X")]
    public void Parse_WhenCheckCharacterWrong_FailsChecksumWithChineseMessage(string id)
    {
        var result = ResidentIdNumber.Parse(id, Today);

        Assert.False(result.IsValid);
        Assert.Equal("checksum", result.Rule);
        Assert.Equal("身份证号校验位错误", result.Message);
    }

    [Fact]
    public void Parse_WhenCheckCharacterIsLowerCaseX_IsAcceptedAndUpperCased()
    {
        var result = ResidentIdNumber.Parse("11010519491231002x", Today);

        Assert.True(result.IsValid);
        Assert.Equal(StandardExample, result.Value!.Value);
    }

    [Fact]
    public void Parse_WhenFullWidthDigits_IsAcceptedAsAscii()
    {
        var result = ResidentIdNumber.Parse("１１０１０５１９４９１２３１００２Ｘ", Today);

        Assert.True(result.IsValid);
        Assert.Equal(StandardExample, result.Value!.Value);
    }

    [Fact]
    public void Parse_WhenTypedInGroupsWithSpaces_IsAccepted()
    {
        Assert.True(ResidentIdNumber.Parse(" 110105 19491231 002X ", Today).IsValid);
    }

    [Fact]
    public void Parse_WhenBirthDateImpossible_FailsBirthDate()
    {
        // 1949-02-30 does not exist; the check character is made valid so only the date is wrong.
        var id = WithCheckCharacter("11010519490230002");

        var result = ResidentIdNumber.Parse(id, Today);

        Assert.Equal("birth_date", result.Rule);
        Assert.Equal("身份证号中的出生日期无效", result.Message);
    }

    [Fact]
    public void Parse_WhenBirthDateInTheFuture_FailsBirthDate()
    {
        var id = WithCheckCharacter("11010520261126001");

        Assert.Equal("birth_date", ResidentIdNumber.Parse(id, Today).Rule);
    }

    [Fact]
    public void Parse_WhenBornToday_IsValid()
    {
        var id = WithCheckCharacter("11010520261125001");

        Assert.True(ResidentIdNumber.Parse(id, Today).IsValid);
    }

    [Fact]
    public void Parse_WhenBornBefore1900_FailsBirthDate()
    {
        Assert.Equal("birth_date", ResidentIdNumber.Parse(WithCheckCharacter("11010518991231001"), Today).Rule);
    }

    [Fact]
    public void Parse_WhenOld15DigitNumber_FailsLength()
    {
        var result = ResidentIdNumber.Parse("110105491231002", Today);

        Assert.Equal("length", result.Rule);
        Assert.Equal("身份证号应为 18 位", result.Message);
    }

    [Theory]
    [InlineData("1.10105E+17")]
    [InlineData("1.10105e+17")]
    [InlineData("4.40301E+17")]
    public void Parse_WhenExcelScientificNotation_FailsWithExcelHint(string input)
    {
        var result = ResidentIdNumber.Parse(input, Today);

        Assert.Equal("excel_scientific", result.Rule);
        Assert.Contains("Excel", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00010519491231002")]
    [InlineData("99010519491231002")]
    [InlineData("20010519491231002")]
    public void Parse_WhenProvinceCodeUnknown_FailsArea(string first17)
    {
        Assert.Equal("area", ResidentIdNumber.Parse(WithCheckCharacter(first17), Today).Rule);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_WhenMissing_FailsRequired(string? input)
    {
        Assert.Equal("required", ResidentIdNumber.Parse(input, Today).Rule);
    }

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002Y")]
    public void Parse_WhenNotDigits_FailsFormat(string input)
    {
        Assert.Equal("format", ResidentIdNumber.Parse(input, Today).Rule);
    }

    [Theory]
    [InlineData("110105199003070017", Gender.Male)]
    [InlineData("11010519491231002X", Gender.Female)]
    [InlineData("650102193102030036", Gender.Male)]
    [InlineData("650102193203040049", Gender.Female)]
    public void Parse_WhenValid_GenderComesFromSeventeenthDigitParity(string id, Gender expected)
    {
        Assert.Equal(expected, ResidentIdNumber.Parse(id, Today).Value!.Gender);
    }

    [Theory]
    [InlineData("110105", 1949, 12, 31, 2)]
    [InlineData("440301", 1990, 3, 7, 123)]
    [InlineData("650102", 2000, 2, 29, 0)]
    [InlineData("320102", 1980, 1, 1, 999)]
    public void Compose_WhenParsedBack_GivesTheSameParts(string area, int year, int month, int day, int sequence)
    {
        var birth = new DateOnly(year, month, day);

        var composed = ResidentIdNumber.Compose(area, birth, sequence);
        var parsed = ResidentIdNumber.Parse(composed, Today);

        Assert.True(parsed.IsValid, parsed.Message);
        Assert.Equal(area, parsed.Value!.AreaCode);
        Assert.Equal(birth, parsed.Value.BirthDate);
        Assert.Equal(sequence % 2 == 1 ? Gender.Male : Gender.Female, parsed.Value.Gender);
    }

    [Fact]
    public void Compose_WhenStandardExampleParts_GivesStandardExample()
    {
        Assert.Equal(StandardExample, ResidentIdNumber.Compose("110105", new DateOnly(1949, 12, 31), 2));
    }

    [Theory]
    [InlineData("11010", 1, "areaCode.Length")]
    [InlineData("110105", -1, "sequence")]
    [InlineData("110105", 1000, "sequence")]
    public void Compose_WhenPartsOutOfRange_ThrowsNamingThePart(string area, int sequence, string part)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResidentIdNumber.Compose(area, new DateOnly(1990, 1, 1), sequence));

        Assert.Equal(part, error.ParamName);
    }

    /// <summary>An independent MOD 11-2 implementation so the tests do not trust the code under test.</summary>
    private static string WithCheckCharacter(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
