using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;

namespace BankCrm.Core.Tests.Engagement;

public sealed class SalutationTests
{
    [Theory]
    [InlineData("张伟", Gender.Male, "张先生")]
    [InlineData("王芳", Gender.Female, "王女士")]
    [InlineData("李静", null, "李先生/女士")]
    [InlineData("Anna Smith", Gender.Female, "Smith女士")]
    public void For_WhenIndividual_IsSurnameAndHonorific(string name, Gender? gender, string expected) =>
        Assert.Equal(expected, Salutation.For(CustomerType.Individual, name, gender));

    [Fact]
    public void For_WhenCorporate_IsTheCompanyName() =>
        Assert.Equal("上海星辰贸易有限公司", Salutation.For(CustomerType.Corporate, "上海星辰贸易有限公司", null));
}
