using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Consent;

public sealed class ConsentJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Rm_records_sms_consent_and_the_header_and_history_show_it()
    {
        var customerId = await CreateCustomerAsRm1Async("欧阳同意");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        await page.GotoAsync($"/customers/{customerId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("#consent-summary")).ToContainTextAsync("短信✘");

        await page.GetByRole(AriaRole.Tab, new() { Name = "同意与隐私" }).ClickAsync();
        var sms = page.Locator("#consent-current tr[data-channel='Sms']");
        await Expect(sms).ToContainTextAsync("未询问");
        await sms.Locator(".consent-grant").ClickAsync();
        await Expect(page.Locator("#record-consent-dialog")).ToBeVisibleAsync();
        await page.Locator("#consent-note").FillAsync("柜面签署授权书 No.2026-001");
        await LiveApp.ScreenshotAsync(page, "consent-1-dialog");
        await page.Locator("#consent-save").ClickAsync();

        await Expect(sms).ToContainTextAsync("已同意");
        await Expect(page.Locator("#consent-history")).ToContainTextAsync("柜面签署授权书 No.2026-001");
        await Expect(page.Locator("#consent-summary")).ToContainTextAsync("短信✔");
        await Expect(page.Locator("#consent-summary")).ToContainTextAsync("邮件✘");
        await LiveApp.ScreenshotAsync(page, "consent-2-recorded");
        await page.Context.CloseAsync();
    }

    private async Task<long> CreateCustomerAsRm1Async(string name)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1986, 7, 16), 321);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = "13612340000", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
