using BankCrm.Core.Consent;
using BankCrm.Data.Consent;
using BankCrm.Web.Consent;

namespace BankCrm.Web.Tests.Consent;

public sealed class ConsentLabelsTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Of_WhenAnyConsentEnumValue_HasAWordInTheLanguage(string culture)
    {
        using var scope = new CultureScope(culture);

        var labels = Enum.GetValues<ConsentPurpose>().Select(ConsentLabels.Of)
            .Concat(Enum.GetValues<ContactChannel>().Select(ConsentLabels.Of))
            .Concat(Enum.GetValues<ConsentSource>().Select(ConsentLabels.Of))
            .Concat(Enum.GetValues<ConsentState>().Select(ConsentLabels.Of))
            .ToList();

        // A missing resource falls back to its key ("Channel.Sms"), which has a dot.
        Assert.All(labels, l => Assert.DoesNotContain('.', l));
    }

    [Fact]
    public void Subject_WhenMarketingByChannel_NamesBoth()
    {
        using var scope = new CultureScope("zh-CN");

        Assert.Equal("营销 · 企业微信", ConsentLabels.Subject(ConsentPurpose.Marketing, ContactChannel.WeCom));
        Assert.Equal("用户画像", ConsentLabels.Subject(ConsentPurpose.Profiling, null));
    }
}
