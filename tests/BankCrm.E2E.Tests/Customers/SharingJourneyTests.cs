using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Customers;

public sealed class SharingJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Rm_shares_a_customer_with_a_colleague_who_sees_it_until_the_share_is_revoked()
    {
        var customerId = await CreateCustomerAsRm1Async("上官共享");
        var rm1 = await SignInAsync(LiveApp.Rm1.UserName);
        await rm1.GotoAsync($"/customers/{customerId}");
        await rm1.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await rm1.Locator("#share-customer").ClickAsync();
        await Expect(rm1.Locator("#share-customer-dialog")).ToBeVisibleAsync();
        await Expect(rm1.Locator("#share-none")).ToBeVisibleAsync();
        await rm1.Locator("#share-colleague").FillAsync("王芳");
        await rm1.GetByRole(AriaRole.Option).Filter(new() { HasText = "王芳" }).First.ClickAsync();

        // The choice re-renders the dialog; typing the reason before that render lands would be overwritten by it.
        await Expect(rm1.Locator("#share-colleague")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("王芳"));
        await rm1.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await rm1.Locator("#share-reason").FillAsync("客户经理李明休假，王芳代为服务");
        await Expect(rm1.Locator("#share-reason")).ToHaveValueAsync("客户经理李明休假，王芳代为服务");
        await LiveApp.ScreenshotAsync(rm1, "sharing-1-dialog");
        await rm1.Locator("#share-save").ClickAsync();
        await Expect(rm1.Locator("#share-list")).ToContainTextAsync("王芳");
        await Expect(rm1.Locator("#share-list")).ToContainTextAsync("客户经理李明休假");
        await LiveApp.ScreenshotAsync(rm1, "sharing-2-shared");

        var rm2 = await SignInAsync("rm2");
        await rm2.GotoAsync($"/customers/{customerId}");
        await rm2.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(rm2.Locator("#customer-name")).ToBeVisibleAsync();
        await Expect(rm2.Locator("#shared-customer-chip")).ToContainTextAsync("共享客户 至");
        await Expect(rm2.Locator("#share-customer")).ToHaveCountAsync(0);
        await LiveApp.ScreenshotAsync(rm2, "sharing-3-colleague-view");

        await rm1.Locator("#share-list .share-revoke").First.ClickAsync();
        await Expect(rm1.Locator("#share-none")).ToBeVisibleAsync();

        // Revocation takes effect on the colleague's next page load.
        await rm2.ReloadAsync();
        await rm2.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(rm2.Locator("#customer-not-found")).ToBeVisibleAsync();
        await rm1.Context.CloseAsync();
        await rm2.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        return page;
    }

    private async Task<long> CreateCustomerAsRm1Async(string name)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1979, 3, 2), 517);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = "13612345517", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
