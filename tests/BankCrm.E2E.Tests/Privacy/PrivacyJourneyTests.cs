using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Privacy;

public sealed class PrivacyJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Rm_logs_an_access_request_from_the_360_page_takes_it_and_sees_it_in_the_queue()
    {
        var customerId = await CreateCustomerAsRm1Async("隐私旅程");
        var page = await LoginAsync("rm1");

        await page.GotoAsync($"/customers/{customerId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#privacy-start-button").ClickAsync();
        await page.Locator("#privacy-start-note").FillAsync("客户来电要求提供个人信息副本");
        await LiveApp.ScreenshotAsync(page, "privacy-1-start");
        await page.Locator("#privacy-start-save").ClickAsync();

        await Expect(page.Locator("#request-status")).ToContainTextAsync("已登记");
        await page.Locator("#request-take").ClickAsync();
        await Expect(page.Locator("#request-status")).ToContainTextAsync("处理中");
        await Expect(page.Locator("#export-json")).ToBeVisibleAsync();
        await Expect(page.Locator("#request-history")).ToContainTextAsync("处理中");
        await LiveApp.ScreenshotAsync(page, "privacy-2-request");

        await page.GotoAsync("/privacy/requests");
        await Expect(page.Locator("#privacy-requests")).ToContainTextAsync("隐***");
        await Expect(page.Locator("#privacy-requests")).ToContainTextAsync("剩 15 天");
        await LiveApp.ScreenshotAsync(page, "privacy-3-queue");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Compliance_sees_what_an_erasure_keeps_and_executes_it_after_confirming()
    {
        var customerId = await CreateCustomerAsRm1Async("隐私删除");
        var requestId = await LogErasureAsRm1Async(customerId);
        var page = await LoginAsync("compliance1");
        await page.GotoAsync($"/privacy/requests/{requestId}");

        await Expect(page.Locator("#erasure-retained")).ToContainTextAsync("反洗钱法");
        await LiveApp.ScreenshotAsync(page, "privacy-4-erasure-plan");
        await page.Locator("#erasure-execute").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("删除后无法恢复");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "执行删除" }).ClickAsync();

        await Expect(page.Locator("#request-status")).ToContainTextAsync("已办结");
        await Expect(page.Locator("#erasure-outcome")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "privacy-5-erased");
        await page.Context.CloseAsync();
    }

    private async Task<long> LogErasureAsRm1Async(long customerId)
    {
        using var http = await Rm1ClientAsync();
        var created = await http.PostAsJsonAsync("/api/v1/privacy/requests", new { customerId, kind = "Erasure", channel = "Branch", requesterNote = "客户销户后要求删除" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<HttpClient> Rm1ClientAsync()
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<IPage> LoginAsync(string userName)
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
        using var http = await Rm1ClientAsync();
        var serial = name == "隐私旅程" ? 411 : 412;
        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1979, 3, 8), serial);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = $"1361234{serial:D4}", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
