using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Security;

public sealed class StaffAdminPageTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Admin_sees_every_staff_member_with_roles_and_others_cannot_open_the_page()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "admin");

        await page.GotoAsync("/admin/staff");

        await Expect(page.Locator("#staff-rm1 input").First).ToHaveValueAsync("客户经理");
        await Expect(page.Locator("#staff-teller1 input").First).ToHaveValueAsync("柜员");
        await LiveApp.ScreenshotAsync(page, "staff-admin");
        await page.Context.CloseAsync();

        var teller = await app.NewPageAsync();
        await SignInAsync(teller, "teller1");
        await teller.GotoAsync("/admin/staff");
        await Expect(teller.Locator("#staff-table")).ToHaveCountAsync(0);
        await teller.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
    }
}
