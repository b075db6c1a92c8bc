using System.Net;
using System.Text.RegularExpressions;

namespace BankCrm.Integration.Tests.Hosting;

/// <summary>
/// Issue 11, finding 7: the published app, started as a real process in Production from a folder that is not its
/// own, serves its pages with their styles and scripts (non-empty, with the right content type) and reads the
/// appsettings.json it was published with (here: the operator's AllowedHosts, so a foreign Host header gets 400).
/// </summary>
public sealed partial class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    [Theory]
    [InlineData("a temporary folder")]
    [InlineData("the repository root")]
    public async Task The_published_app_started_from_another_folder_serves_its_styles_and_scripts_and_reads_its_appsettings(string startedFrom)
    {
        var work = Directory.CreateTempSubdirectory("bankcrm-cwd-");
        try
        {
            var workingDirectory = startedFrom == "the repository root" ? PublishedApp.RepositoryRoot() : work.FullName;
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Database:DataFolder"] = Path.Combine(work.FullName, "data"),
                ["Scheduler:Enabled"] = "false",
            };
            await using var node = AppNode.Start(published.Dll, workingDirectory, "published", settings, new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = work.FullName });
            var address = await node.AddressAsync(TimeSpan.FromMinutes(3));
            using var client = new HttpClient { BaseAddress = address };

            using var page = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            var styles = Stylesheet().Matches(html).Select(m => m.Groups[1].Value).ToList();
            var scripts = Script().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains(styles, s => s.Contains("app", StringComparison.Ordinal) && s.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(styles, s => s.Contains("MudBlazor", StringComparison.Ordinal));
            Assert.Contains(scripts, s => s.Contains("blazor.web", StringComparison.Ordinal));

            foreach (var (asset, type) in styles.Select(s => (s, "text/css")).Concat(scripts.Select(s => (s, "text/javascript"))))
            {
                using var response = await client.GetAsync(asset.StartsWith('/') ? asset : "/" + asset);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
                Assert.True(body.Length > 100, $"{asset} is served with {body.Length} bytes");
                Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            }

            using var foreign = new HttpRequestMessage(HttpMethod.Get, "/health");
            foreign.Headers.Host = "evil.example";
            using var refused = await client.SendAsync(foreign);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex Script();
}
