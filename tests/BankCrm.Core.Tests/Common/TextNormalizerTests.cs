using BankCrm.Core.Common;

namespace BankCrm.Core.Tests.Common;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("１２３ＡＢＣ", "123ABC")]
    [InlineData("  张三  ", "张三")]
    [InlineData("张\u200B三\uFEFF", "张三")]
    [InlineData("\u202E张三\u202C", "张三")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("a\u0007b", "ab")]
    [InlineData(null, "")]
    public void Clean_WhenTyped_FoldsWidthAndDropsInvisibleCharacters(string? input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Clean(input));
    }

    [Fact]
    public void Clean_WhenLoneSurrogatesOrNoncharacters_DropsThemInsteadOfThrowing()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (the compiler stores U+FFFD instead).
        (string Input, string Expected)[] cases =
        [
            ("\uFFFE", ""),
            ("张\uFFFF三\uFDD0", "张三"),
            ("a" + (char)0xD800 + "b", "ab"),
            ((char)0xDC00 + "𠮷野家" + (char)0xD83D, "𠮷野家"),
        ];

        Assert.All(cases, c => Assert.Equal(c.Expected, TextNormalizer.Clean(c.Input)));
    }

    [Fact]
    public void Clean_WhenMultiLine_KeepsNewLinesAndTabsInside()
    {
        Assert.Equal("第一行\n\t第二行", TextNormalizer.Clean("第一行\r\n\t第二行"));
    }

    [Theory]
    [InlineData("138 1234-5678", "13812345678")]
    [InlineData("1.10105E+17", "110105E+17")]
    [InlineData("１３８－１２３４", "1381234")]
    public void Compact_WhenGrouped_RemovesSpacesDashesAndDots(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Compact(input));
    }
}
