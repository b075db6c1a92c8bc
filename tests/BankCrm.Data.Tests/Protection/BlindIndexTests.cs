using BankCrm.Data.Protection;

namespace BankCrm.Data.Tests.Protection;

public sealed class BlindIndexTests
{
    private static readonly BlindIndex Index = new(KeyRing.Generate());

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    [InlineData("110105-19491231-002x")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    public void Of_WhenTheIdNumberIsTypedDifferently_GivesTheSameIndex(string typed)
    {
        Assert.Equal(Index.Of(BlindIndexField.IdNumber, "11010519491231002X"), Index.Of(BlindIndexField.IdNumber, typed));
    }

    [Theory]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("008613800138000")]
    public void Of_WhenTheMobileIsTypedDifferently_GivesTheSameIndex(string typed)
    {
        Assert.Equal(Index.Of(BlindIndexField.Mobile, "13800138000"), Index.Of(BlindIndexField.Mobile, typed));
    }

    [Fact]
    public void Of_WhenTheValuesDiffer_GivesDifferentIndexes()
    {
        Assert.NotEqual(Index.Of(BlindIndexField.Mobile, "13800138000"), Index.Of(BlindIndexField.Mobile, "13800138001"));
    }

    [Fact]
    public void Of_WhenTheSameDigitsAreIndexedForAnotherField_GivesAnotherIndex()
    {
        Assert.NotEqual(Index.Of(BlindIndexField.Mobile, "13800138000"), Index.Of(BlindIndexField.AccountNumber, "13800138000"));
    }

    [Fact]
    public void Of_WhenTheKeyDiffers_GivesAnotherIndex()
    {
        var other = new BlindIndex(KeyRing.Generate());

        Assert.NotEqual(Index.Of(BlindIndexField.IdNumber, "11010519491231002X"), other.Of(BlindIndexField.IdNumber, "11010519491231002X"));
    }

    [Fact]
    public void Of_WhenComputed_Is32LowerHexCharactersWithoutTheValue()
    {
        var index = Index.Of(BlindIndexField.Mobile, "13800138000");

        Assert.Matches("^[0-9a-f]{32}$", index);
        Assert.DoesNotContain("13800138000", index, StringComparison.Ordinal);
    }
}
