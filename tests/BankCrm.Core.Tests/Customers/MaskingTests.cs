using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("欧阳锋", "欧阳*")]
    [InlineData("司马相如", "司马**")]
    [InlineData("阿依古丽·买买提", "阿*******")]
    public void Name_WhenChinese_KeepsTheSurname(string name, string expected)
    {
        Assert.Equal(expected, Masking.Name(name));
    }

    [Fact]
    public void Name_WhenOnlyACompoundSurname_KeepsOneCharacter()
    {
        // Two characters could be a surname plus a given name; never show a whole name.
        Assert.Equal("欧*", Masking.Name("欧阳"));
    }

    [Theory]
    [InlineData("𠮷野家", "𠮷**")]
    [InlineData("张𠮷", "张*")]
    [InlineData("𠮷𠮷", "𠮷*")]
    public void Name_WhenExtensionBCharacter_CountsItAsOneCharacter(string name, string expected)
    {
        Assert.Equal(expected, Masking.Name(name));
    }

    [Theory]
    [InlineData("John Smith", "John *****")]
    [InlineData("Mary Jane Watson", "Mary ***********")]
    [InlineData("Alice", "A****")]
    public void Name_WhenLatinScript_KeepsTheFirstWord(string name, string expected)
    {
        Assert.Equal(expected, Masking.Name(name));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("张", "张")]
    public void Name_WhenEmptyOrOneCharacter_HasNothingToHide(string? name, string expected)
    {
        Assert.Equal(expected, Masking.Name(name));
    }

    [Fact]
    public void IdNumber_WhenEighteenCharacters_KeepsFirstSixAndLastFour()
    {
        Assert.Equal("110105********002X", Masking.IdNumber("11010519491231002X"));
    }

    [Fact]
    public void IdNumber_WhenCreditCode_KeepsFirstSixAndLastFour()
    {
        Assert.Equal("913501********0Y43", Masking.IdNumber("91350100M000100Y43"));
    }

    [Fact]
    public void Mobile_WhenElevenDigits_KeepsThreeAndFour()
    {
        Assert.Equal("138****5678", Masking.Mobile("13812345678"));
    }

    [Theory]
    [InlineData("6222021234567890123", "622202*********0123")]
    [InlineData("6222021234567890", "622202******7890")]
    public void AccountNumber_WhenLong_KeepsSixAndFour(string account, string expected)
    {
        Assert.Equal(expected, Masking.AccountNumber(account));
    }

    [Theory]
    [InlineData("1234567", "*******")]
    [InlineData("1", "*")]
    public void Mobile_WhenTooShortToKeepEnds_MasksEverything(string value, string expected)
    {
        Assert.Equal(expected, Masking.Mobile(value));
    }

    [Fact]
    public void Mobile_WhenOneLongerThanTheKeptEnds_MasksOneDigit()
    {
        Assert.Equal("123*5678", Masking.Mobile("12345678"));
    }

    [Theory]
    [InlineData("1234567890", "**********")]
    [InlineData("12345678901", "123456*8901")]
    public void IdNumber_WhenShort_NeverRevealsTheWholeValue(string value, string expected)
    {
        Assert.Equal(expected, Masking.IdNumber(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IdNumber_WhenMissing_IsEmpty(string? value)
    {
        Assert.Equal(string.Empty, Masking.IdNumber(value));
        Assert.Equal(string.Empty, Masking.Mobile(value));
        Assert.Equal(string.Empty, Masking.AccountNumber(value));
        Assert.Equal(string.Empty, Masking.Email(value));
    }

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("a@example.com", "***@example.com")]
    [InlineData("@example.com", "***@example.com")]
    public void Email_WhenMasked_KeepsFirstLetterAndDomain(string value, string expected)
    {
        Assert.Equal(expected, Masking.Email(value));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("13812345678")]
    public void Email_WhenThereIsNoAtSign_RevealsNothing(string value)
    {
        // Imported or legacy rows can hold anything in the e-mail column; masking must never echo it.
        Assert.Equal("***", Masking.Email(value));
    }
}
