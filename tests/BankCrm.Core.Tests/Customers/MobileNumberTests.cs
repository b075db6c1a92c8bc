using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("+8613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("86-13812345678")]
    [InlineData("8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("138-1234-5678")]
    [InlineData("138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("＋８６ １３８ １２３４ ５６７８")]
    [InlineData("\u200B13812345678")]
    public void Parse_WhenTypedInAnyCommonWay_GivesElevenDigits(string input)
    {
        var result = MobileNumber.Parse(input);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("13812345678", result.Value!.Value);
    }

    [Theory]
    [InlineData("12012345678")]
    [InlineData("14012345678")]
    [InlineData("16012345678")]
    [InlineData("10012345678")]
    public void Parse_WhenPrefixNotIssued_FailsPrefix(string input)
    {
        var result = MobileNumber.Parse(input);

        Assert.Equal("prefix", result.Rule);
        Assert.Equal("手机号号段不存在", result.Message);
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("1381234567a")]
    [InlineData("021-1234567")]
    public void Parse_WhenNotElevenDigits_FailsFormat(string input)
    {
        var result = MobileNumber.Parse(input);

        Assert.Equal("format", result.Rule);
        Assert.Equal("手机号应为 11 位数字", result.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Parse_WhenEmpty_FailsRequired(string? input)
    {
        Assert.Equal("required", MobileNumber.Parse(input).Rule);
    }

    [Fact]
    public void CarrierPrefixes_WhenListed_AreThreeDigitsStartingWithOneAndUnique()
    {
        Assert.All(MobileNumber.CarrierPrefixes, p => Assert.Matches("^1[3-9][0-9]$", p));
        Assert.Equal(MobileNumber.CarrierPrefixes.Count, MobileNumber.CarrierPrefixes.Distinct().Count());
    }
}
