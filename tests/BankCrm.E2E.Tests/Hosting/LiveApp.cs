using BankCrm.Data.Organization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace BankCrm.E2E.Tests.Hosting;

/// <summary>
/// BankCrm served by Kestrel on a free loopback port over a fresh SQLite database, and Debian's Chromium
/// (BANKCRM_CHROMIUM) driven by Playwright. Without the browser the tests fail; they are never skipped.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumVariable = "BANKCRM_CHROMIUM";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "bankcrm-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? playwright;

    public LiveApp() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: tests/BankCrm.E2E.Tests/screenshots-out (ignored by git).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(ProjectFolder(), "screenshots-out");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"{ChromiumVariable} must name a Chromium executable (it is '{chromium}'): the browser tests need it, " +
                $"e.g. {ChromiumVariable}=/usr/bin/chromium after `apt-get install chromium fonts-noto-cjk` (./test.sh does this).");
        }

        Directory.CreateDirectory(folder);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));

        // Two shared cores: the first interactive render can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A fresh browser context (its own cookies) at the app's address, in Chinese, on a laptop-sized screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>The pictures the README and docs show (docs/screenshots); every one is taken by a browser test.</summary>
    public static string DocsScreenshotFolder { get; } = Path.GetFullPath(Path.Combine(ProjectFolder(), "..", "..", "docs", "screenshots"));

    /// <summary>
    /// Saves a full-page screenshot in screenshots-out and, when the docs show a picture of that name, over the one in
    /// docs/screenshots too, so every run refreshes the documentation's pictures and none can go stale.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var docs = Path.Combine(DocsScreenshotFolder, name + ".png");
        if (File.Exists(docs))
        {
            File.Copy(path, docs, overwrite: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={Path.Combine(folder, "bankcrm.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Customers", "200");
        builder.UseSetting("Demo:ScoreOnStart", "false");
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankCrm.E2E.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>The demo login every journey starts with.</summary>
    public static (string UserName, string Password) Rm1 => ("rm1", DemoStaff.Password);
}
