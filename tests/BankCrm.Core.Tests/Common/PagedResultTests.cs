using BankCrm.Core.Common;

namespace BankCrm.Core.Tests.Common;

public sealed class PagedResultTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(50, 50)]
    [InlineData(10_000, PagedResult<string>.MaxPageSize)]
    public void ClampPageSize_WhenOutOfRange_StaysBetweenOneAndMax(int requested, int expected)
    {
        Assert.Equal(expected, PagedResult<string>.ClampPageSize(requested));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    public void ClampPage_WhenBelowOne_IsOne(int requested, int expected)
    {
        Assert.Equal(expected, PagedResult<string>.ClampPage(requested));
    }
}
