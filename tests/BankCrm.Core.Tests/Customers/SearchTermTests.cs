using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class SearchTermTests
{
    [Theory]
    [InlineData("C00000123", "C00000123")]
    [InlineData("c00000123", "C00000123")]
    [InlineData(" C0000 0123 ", "C00000123")]
    public void Recognise_WhenCustomerNumber_IsCustomerNumberUpperCased(string input, string expected)
    {
        Assert.Equal(new SearchTerm(SearchTermKind.CustomerNumber, expected), SearchTerm.Recognise(input));
    }

    [Theory]
    [InlineData("110105199003070017", "110105199003070017")]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("91350100m000100y43", "91350100M000100Y43")]
    public void Recognise_WhenIdOrCreditCode_IsIdNumber(string input, string expected)
    {
        Assert.Equal(new SearchTerm(SearchTermKind.IdNumber, expected), SearchTerm.Recognise(input));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("+86 138-1234-5678")]
    [InlineData("8613812345678")]
    public void Recognise_WhenMobile_IsMobileWithoutCountryCode(string input)
    {
        Assert.Equal(new SearchTerm(SearchTermKind.Mobile, "13812345678"), SearchTerm.Recognise(input));
    }

    [Theory]
    [InlineData("张三", "张三")]
    [InlineData(" 张 ", "张")]
    [InlineData("John Smith", "John Smith")]
    [InlineData("1381234", "1381234")]
    public void Recognise_WhenNothingElse_IsName(string input, string expected)
    {
        Assert.Equal(new SearchTerm(SearchTermKind.Name, expected), SearchTerm.Recognise(input));
    }

    [Fact]
    public void Recognise_WhenNameIsVeryLong_CutsItToTheLongestPossibleName()
    {
        var term = SearchTerm.Recognise(new string('张', 150));

        Assert.Equal(CustomerValidator.MaxNameLength, term!.Value.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \u200B ")]
    public void Recognise_WhenEmpty_IsNull(string? input)
    {
        Assert.Null(SearchTerm.Recognise(input));
    }

    [Fact]
    public void NameGrams_WhenOneCharacter_IsThatCharacter()
    {
        Assert.Equal(["张"], SearchTerm.NameGrams("张"));
    }

    [Fact]
    public void NameGrams_WhenSeveralCharacters_IsEveryAdjacentPair()
    {
        Assert.Equal(["张三", "三丰"], SearchTerm.NameGrams("张三丰"));
    }

    [Fact]
    public void NameGrams_WhenPairRepeats_ListsItOnce()
    {
        Assert.Equal(["哈哈"], SearchTerm.NameGrams("哈哈哈"));
    }

    [Fact]
    public void NameGrams_WhenExtensionBCharacter_CountsCodePointsNotUtf16Units()
    {
        Assert.Equal(["𠮷"], SearchTerm.NameGrams("𠮷"));
        Assert.Equal(["𠮷野", "野家"], SearchTerm.NameGrams("𠮷野家"));
    }

    [Fact]
    public void NameGrams_WhenEmpty_IsEmpty()
    {
        Assert.Empty(SearchTerm.NameGrams(string.Empty));
    }

    [Fact]
    public void Recognise_WhenNameLongerThanTheLimitEndsInAPair_KeepsThePairWhole()
    {
        var input = new string('张', 99) + "𠮷𠮷";

        var term = SearchTerm.Recognise(input)!;

        Assert.Equal(new string('张', 99), term.Value);
        Assert.False(char.IsHighSurrogate(term.Value[^1]));
    }
}
