using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Security;

/// <summary>An auditor proves the audit log unaltered from the browser, and finds the sign-ins it recorded.</summary>
public sealed class AuditorVerificationTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Auditor_verifies_the_chain_and_sees_the_recorded_sign_ins()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("auditor1");
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        await page.GotoAsync("/audit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("table")).ToContainTextAsync("auditor1");
        await page.Locator("#verify-chain").ClickAsync();

        await Expect(page.Locator("#verify-result")).ToContainTextAsync("审计链完整", new() { Timeout = 60_000 });
        await LiveApp.ScreenshotAsync(page, "auditor-verified");
        await page.Context.CloseAsync();
    }
}
