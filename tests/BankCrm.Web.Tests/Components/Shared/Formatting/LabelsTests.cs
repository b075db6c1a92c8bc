using System.Globalization;
using System.Resources;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement;
using BankCrm.Core.Holdings;
using BankCrm.Web.Components.Shared.Formatting;
using BankCrm.Web.Resources;

namespace BankCrm.Web.Tests.Components.Shared.Formatting;

public sealed class LabelsTests
{
    private static readonly Type[] LabelledEnums =
    [
        typeof(ProductCategory), typeof(TransactionKind), typeof(TransactionChannel), typeof(InteractionChannel), typeof(RelationshipKind),
        typeof(KycStatus), typeof(CustomerType), typeof(Gender), typeof(AccountStatus), typeof(IdentityDocumentType), typeof(ContactKind),
    ];

    public static TheoryData<string> Cultures => new() { "zh-CN", "en" };

    [Fact]
    public void Of_WhenChinese_UsesTheChineseTerm()
    {
        using var _ = new CultureScope("zh-CN");
        Assert.Equal("定期存款", Labels.Of(ProductCategory.TimeDeposit));
        Assert.Equal("配偶", Labels.Of(RelationshipKind.Spouse));
        Assert.Equal("对公客户", Labels.Of(CustomerType.Corporate));
    }

    [Fact]
    public void Of_WhenEnglish_UsesTheEnglishTerm()
    {
        using var _ = new CultureScope("en");
        Assert.Equal("Time deposit", Labels.Of(ProductCategory.TimeDeposit));
        Assert.Equal("Mobile app", Labels.Of(TransactionChannel.MobileApp));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryEnumValue_HasALabelInEveryLanguage(string culture)
    {
        // tryParents: false, so a missing English label is not hidden by the Chinese fallback.
        var set = new ResourceManager(typeof(EnumText)).GetResourceSet(CultureInfo.GetCultureInfo(culture == "zh-CN" ? string.Empty : culture), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        var missing = LabelledEnums
            .SelectMany(type => Enum.GetNames(type).Select(name => $"{type.Name}.{name}"))
            .Where(key => string.IsNullOrEmpty(set.GetString(key)))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Field_WhenStoredFieldName_ReadsAsChinese()
    {
        using var _ = new CultureScope("zh-CN");
        Assert.Equal("手机号", Labels.Field(nameof(CustomerProfile.Mobile)));
        Assert.Equal("SomethingNew", Labels.Field("SomethingNew"));
    }

    [Theory]
    [InlineData(3, "R3")]
    [InlineData(null, "—")]
    [InlineData(9, "—")]
    public void Risk_WhenLevel_ShowsR1ToR5(int? level, string expected) => Assert.Equal(expected, Labels.Risk(level));

    [Fact]
    public void Describe_WhenChangeHistoryHoldsEnumNames_TranslatesThem()
    {
        using var _ = new CultureScope("zh-CN");
        Assert.Equal("男", ChangeValues.Describe(nameof(CustomerProfile.Gender), "Male"));
        Assert.Equal("是", ChangeValues.Describe(nameof(CustomerProfile.ImportExportBusiness), "true"));
        Assert.Equal("—", ChangeValues.Describe(nameof(CustomerProfile.Email), null));
        Assert.Equal("138****8000", ChangeValues.Describe(nameof(CustomerProfile.Mobile), "138****8000"));
    }
}
