using BankCrm.Web.Engagement.Tasks;
using Microsoft.Extensions.Configuration;

namespace BankCrm.Web.Tests.Engagement.Tasks;

public sealed class CustomerQrCodeTests
{
    [Theory]
    [InlineData("http://localhost:5080/", "http://localhost:5080/customers/42")]
    [InlineData("https://crm.bank.example/crm", "https://crm.bank.example/crm/customers/42")]
    public void PageUrl_WhenBaseIsConfigured_IsTheCustomerPageUnderIt(string configured, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = configured }).Build();

        var url = CustomerQrCode.PageUrl(CustomerQrCode.BaseUri(configuration, "http://10.0.0.5:5080/"), 42);

        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Fact]
    public void PageUrl_WhenNothingIsConfigured_UsesTheAddressTheBrowserUsed()
    {
        var url = CustomerQrCode.PageUrl(CustomerQrCode.BaseUri(new ConfigurationBuilder().Build(), "http://10.0.0.5:5080/"), 7);

        Assert.Equal("http://10.0.0.5:5080/customers/7", url.AbsoluteUri);
        Assert.Empty(url.Query);
    }

    [Fact]
    public void PngDataUri_WhenRendered_IsAPngImage()
    {
        const string Prefix = "data:image/png;base64,";

        var uri = CustomerQrCode.PngDataUri(new Uri("http://localhost:5080/customers/42"));

        Assert.StartsWith(Prefix, uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(uri[Prefix.Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
