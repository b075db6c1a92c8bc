using BankCrm.Core.Customers;
using BankCrm.Core.Privacy;

namespace BankCrm.Core.Tests.Privacy;

public sealed class CorrectableFieldsTests
{
    private static readonly CustomerProfile Current = new() { Name = "张三", Mobile = "13800138000", City = "上海市" };

    [Fact]
    public void Apply_WhenFieldsAreCamelCase_ChangesThem()
    {
        var (profile, errors) = CorrectableFields.Apply(Current, new Dictionary<string, string?> { ["mobile"] = "13900139000", ["city"] = " " });

        Assert.Empty(errors);
        Assert.Equal("13900139000", profile.Mobile);
        Assert.Null(profile.City);
        Assert.Equal("张三", profile.Name);
    }

    [Fact]
    public void Apply_WhenAFieldIsNotCorrectable_NamesIt()
    {
        var (_, errors) = CorrectableFields.Apply(Current, new Dictionary<string, string?> { ["BranchId"] = "2" });

        Assert.Equal("“BranchId”不是可更正的字段", Assert.Single(errors).Message);
    }

    [Fact]
    public void Apply_WhenNothingIsGiven_AsksForAChange()
    {
        var (_, errors) = CorrectableFields.Apply(Current, new Dictionary<string, string?>());

        Assert.Equal("required", Assert.Single(errors).Rule);
    }

    [Fact]
    public void Apply_WhenTheBirthDateIsMalformed_GivesTheFormat()
    {
        var (_, errors) = CorrectableFields.Apply(Current, new Dictionary<string, string?> { ["BirthDate"] = "1990/01/01" });

        Assert.Equal("出生日期格式应为 yyyy-MM-dd", Assert.Single(errors).Message);
    }
}
