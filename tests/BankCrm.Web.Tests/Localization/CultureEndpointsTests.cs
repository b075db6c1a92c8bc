using BankCrm.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace BankCrm.Web.Tests.Localization;

public sealed class CultureEndpointsTests
{
    [Fact]
    public void SetCulture_WhenEnglish_StoresCookieAndGoesBack()
    {
        var context = new DefaultHttpContext();

        var result = CultureEndpoints.SetCulture("en", "/customers/1?tab=2", context);

        Assert.Equal("/customers/1?tab=2", result.Url);
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.Contains(".AspNetCore.Culture=c%3Den%7Cuic%3Den", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example.com/")]
    [InlineData("https://evil.example.com/")]
    [InlineData("/\\evil.example.com")]
    [InlineData(null)]
    public void SetCulture_WhenRedirectIsNotLocal_GoesHome(string? redirect)
    {
        var result = CultureEndpoints.SetCulture("zh-CN", redirect, new DefaultHttpContext());

        Assert.Equal("/", result.Url);
    }

    [Fact]
    public void SetCulture_WhenUnknownCulture_FallsBackToChinese()
    {
        var context = new DefaultHttpContext();

        CultureEndpoints.SetCulture("fr", "/", context);

        Assert.Contains("c%3Dzh-CN", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }
}
