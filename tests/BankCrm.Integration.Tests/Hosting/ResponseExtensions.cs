namespace BankCrm.Integration.Tests.Hosting;

public static class ResponseExtensions
{
    /// <summary>The path and query of a redirect, whether the app sent it absolute or relative.</summary>
    public static string LocationPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} without a Location header");
        return (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).PathAndQuery;
    }
}
