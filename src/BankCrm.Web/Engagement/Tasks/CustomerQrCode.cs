using QRCoder;

namespace BankCrm.Web.Engagement.Tasks;

/// <summary>
/// The QR code of a customer's 360 page (seed 002 三(三)3, 扫码调取客户画像): the absolute address of the page and
/// nothing else, so a phone that scans it still signs in and is still scoped; the code itself holds no customer data
/// beyond the internal id in the path.
/// </summary>
public static class CustomerQrCode
{
    /// <summary>
    /// <c>App:PublicBaseUrl</c> when set (the address phones reach, e.g. behind a reverse proxy), else the address the
    /// browser showing the page used.
    /// </summary>
    public static Uri BaseUri(IConfiguration configuration, string requestBaseUri)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var baseUri = configuration["App:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBaseUri;
        return new Uri(baseUri.EndsWith('/') ? baseUri : baseUri + "/", UriKind.Absolute);
    }

    public static Uri PageUrl(Uri baseUri, long customerId)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return new Uri(baseUri, $"customers/{customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>A PNG data URI of the code, for an img tag (the content security policy allows data: images).</summary>
    public static string PngDataUri(Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(pageUrl.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }
}
