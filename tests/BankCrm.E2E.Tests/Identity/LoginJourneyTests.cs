using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Identity;

public sealed class LoginJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Rm_signs_in_on_the_login_page_and_lands_on_the_workbench()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BankCrm" })).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "login");

        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("工作台 - BankCrm");
        await LiveApp.ScreenshotAsync(page, "workbench");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_user_on_the_login_page_with_the_reason()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync("Wrong@12345");
        await page.Locator("#login-submit").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }
}
