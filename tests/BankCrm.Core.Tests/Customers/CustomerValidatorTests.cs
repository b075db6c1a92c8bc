using BankCrm.Core.Common;
using BankCrm.Core.Customers;

namespace BankCrm.Core.Tests.Customers;

public sealed class CustomerValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly CustomerProfile ValidIndividual = new()
    {
        Type = CustomerType.Individual,
        Name = "张三",
        IdNumber = "110105199003070017",
        Mobile = "13812345678",
    };

    private static readonly CustomerProfile ValidCorporate = new()
    {
        Type = CustomerType.Corporate,
        Name = "福州示例科技有限公司",
        IdNumber = "91350100M000100Y43",
        LegalRepresentative = "李四",
        Industry = "软件和信息技术服务业",
    };

    [Fact]
    public void Validate_WhenIndividualIsComplete_HasNoErrorsAndFillsBirthDateAndGenderFromId()
    {
        var (normalized, errors) = CustomerValidator.Validate(ValidIndividual, Today);

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(1990, 3, 7), normalized.BirthDate);
        Assert.Equal(Gender.Male, normalized.Gender);
    }

    [Fact]
    public void Validate_WhenCorporateIsComplete_HasNoErrorsAndNeedsNoMobile()
    {
        var (normalized, errors) = CustomerValidator.Validate(ValidCorporate, Today);

        Assert.Empty(errors);
        Assert.Null(normalized.Mobile);
    }

    [Fact]
    public void Validate_WhenIndividualHasNothing_NamesEveryRequiredField()
    {
        var (_, errors) = CustomerValidator.Validate(new CustomerProfile { Type = CustomerType.Individual }, Today);

        Assert.Equal(
            ["IdNumber:required", "Mobile:required", "Name:required"],
            errors.Select(e => $"{e.Field}:{e.Rule}").Order(StringComparer.Ordinal));
        Assert.Equal("姓名不能为空", Single(errors, "Name").Message);
    }

    [Fact]
    public void Validate_WhenCorporateHasNothing_NamesEveryRequiredFieldButNotMobile()
    {
        var (_, errors) = CustomerValidator.Validate(new CustomerProfile { Type = CustomerType.Corporate }, Today);

        Assert.Equal(
            ["IdNumber:required", "Industry:required", "LegalRepresentative:required", "Name:required"],
            errors.Select(e => $"{e.Field}:{e.Rule}").Order(StringComparer.Ordinal));
        Assert.Equal("企业名称不能为空", Single(errors, "Name").Message);
        Assert.Equal("对公客户必须填写法定代表人", Single(errors, "LegalRepresentative").Message);
    }

    [Fact]
    public void Validate_WhenCorporateHasNoLegalRepresentative_FailsOnThatField()
    {
        var (_, errors) = CustomerValidator.Validate(ValidCorporate with { LegalRepresentative = "  " }, Today);

        Assert.Equal("required", Single(errors, "LegalRepresentative").Rule);
    }

    [Fact]
    public void Validate_WhenCorporateHasNoIndustry_FailsOnThatField()
    {
        var (_, errors) = CustomerValidator.Validate(ValidCorporate with { Industry = null }, Today);

        Assert.Equal("对公客户必须填写所属行业", Single(errors, "Industry").Message);
    }

    [Fact]
    public void Validate_WhenCorporateHasAResidentId_FailsCreditCodeRule()
    {
        var (_, errors) = CustomerValidator.Validate(ValidCorporate with { IdNumber = "110105199003070017" }, Today);

        Assert.Equal("IdNumber", Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_WhenCorporateHasAnInvalidMobile_StillChecksIt()
    {
        var (_, errors) = CustomerValidator.Validate(ValidCorporate with { Mobile = "12345" }, Today);

        Assert.Equal("format", Single(errors, "Mobile").Rule);
    }

    [Fact]
    public void Validate_WhenBirthDateDisagreesWithId_FailsBirthDateShowingTheIdDate()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { BirthDate = new DateOnly(1990, 3, 8) }, Today);

        var error = Single(errors, "BirthDate");
        Assert.Equal("id_mismatch", error.Rule);
        Assert.Contains("1990-03-07", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenGenderDisagreesWithId_FailsGender()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { Gender = Gender.Female }, Today);

        var error = Single(errors, "Gender");
        Assert.Equal("id_mismatch", error.Rule);
        Assert.Contains("男", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenBirthDateAndGenderAgreeWithId_HasNoErrors()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { BirthDate = new DateOnly(1990, 3, 7), Gender = Gender.Male }, Today);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_WhenIdChecksumWrong_ReportsTheIdRule()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { IdNumber = "110105199003070018" }, Today);

        var error = Single(errors, "IdNumber");
        Assert.Equal("checksum", error.Rule);
        Assert.Equal("身份证号校验位错误", error.Message);
    }

    [Fact]
    public void Validate_WhenMobilePrefixUnknown_FailsMobile()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { Mobile = "12012345678" }, Today);

        Assert.Equal("prefix", Single(errors, "Mobile").Rule);
    }

    [Theory]
    [InlineData("zhangsan")]
    [InlineData("zhangsan@")]
    [InlineData("zhangsan@example")]
    [InlineData("张三 <zhangsan@example.com>")]
    [InlineData("zhang san@example.com")]
    public void Validate_WhenEmailMalformed_FailsEmailFormat(string email)
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { Email = email }, Today);

        var error = Single(errors, "Email");
        Assert.Equal("format", error.Rule);
        Assert.Equal("邮箱格式不正确", error.Message);
    }

    [Theory]
    [InlineData("zhangsan@example.com")]
    [InlineData("zhang.san+crm@mail.example.com.cn")]
    public void Validate_WhenEmailWellFormed_HasNoErrors(string email)
    {
        Assert.Empty(CustomerValidator.Validate(ValidIndividual with { Email = email }, Today).Errors);
    }

    [Fact]
    public void Validate_WhenNameLongerThan100_FailsNameLength()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { Name = new string('张', 101) }, Today);

        Assert.Equal("length", Single(errors, "Name").Rule);
    }

    [Fact]
    public void Validate_WhenNameExactly100_HasNoErrors()
    {
        Assert.Empty(CustomerValidator.Validate(ValidIndividual with { Name = new string('张', 100) }, Today).Errors);
    }

    [Fact]
    public void Validate_WhenAddressLongerThan200_FailsAddressLength()
    {
        var (_, errors) = CustomerValidator.Validate(ValidIndividual with { AddressLine = new string('路', 201) }, Today);

        var error = Single(errors, "AddressLine");
        Assert.Equal("length", error.Rule);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenInputIsFullWidthAndPadded_NormalisesEveryIdentifier()
    {
        var input = ValidIndividual with
        {
            Name = "  张\u200B三 ",
            IdNumber = "１１０１０５１９４９１２３１００２ｘ",
            Mobile = "+86 138-1234-5678",
            Email = "",
            City = "  上海市 ",
        };

        var (normalized, errors) = CustomerValidator.Validate(input, Today);

        Assert.Empty(errors);
        Assert.Equal("张三", normalized.Name);
        Assert.Equal("11010519491231002X", normalized.IdNumber);
        Assert.Equal("13812345678", normalized.Mobile);
        Assert.Null(normalized.Email);
        Assert.Equal("上海市", normalized.City);
    }

    [Fact]
    public void Validate_WhenCorporateCodeIsLowerCase_UpperCasesItAndDropsPersonalFields()
    {
        var input = ValidCorporate with { IdNumber = "91350100m000100y43", Gender = Gender.Male, BirthDate = new DateOnly(1990, 1, 1), Occupation = "教师" };

        var (normalized, errors) = CustomerValidator.Validate(input, Today);

        Assert.Empty(errors);
        Assert.Equal("91350100M000100Y43", normalized.IdNumber);
        Assert.Null(normalized.Gender);
        Assert.Null(normalized.BirthDate);
        Assert.Null(normalized.Occupation);
    }

    [Fact]
    public void Validate_WhenIndividualHasALegalRepresentative_DropsIt()
    {
        var (normalized, _) = CustomerValidator.Validate(ValidIndividual with { LegalRepresentative = "李四" }, Today);

        Assert.Null(normalized.LegalRepresentative);
    }

    private static FieldError Single(IReadOnlyList<FieldError> errors, string field) => Assert.Single(errors, e => e.Field == field);
}
