using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Scoring;

public sealed class ScoringJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Admin_scores_the_bank_and_sees_the_dashboard_and_a_customers_portrait()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("admin");
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/admin/scoring");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#run-now").ClickAsync();
        await Expect(page.Locator("#runs")).ToContainTextAsync("已完成", new() { Timeout = 60_000 });
        await Expect(page.Locator("#runs")).ToContainTextAsync("admin");
        await LiveApp.ScreenshotAsync(page, "scoring-1-runs");

        await page.GotoAsync("/segments/dashboard");
        await Expect(page.Locator("#chart-classes")).ToContainTextAsync("战略级");
        await Expect(page.Locator("#chart-stages")).ToContainTextAsync("成熟期");
        await Expect(page.Locator("#migration-empty")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "scoring-2-dashboard");

        // Customer 1 is the demo bank's canary, a mature customer of branch 1.
        await page.GotoAsync("/customers/1");
        await Expect(page.Locator("#chip-class")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "画像" }).ClickAsync();
        await Expect(page.Locator("#portrait-health")).ToBeVisibleAsync();
        await Expect(page.Locator("#portrait-aum")).ToHaveTextAsync("***");
        await Expect(page.Locator("#portrait-churn")).ToContainTextAsync("流失模型尚未训练");
        await LiveApp.ScreenshotAsync(page, "scoring-3-portrait");
        await page.Context.CloseAsync();
    }
}
