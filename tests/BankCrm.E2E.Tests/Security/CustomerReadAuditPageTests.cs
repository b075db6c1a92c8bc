using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BankCrm.Core.Customers;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Security;

/// <summary>
/// Seed 003 记录所有访问, through the browser: an RM opens a customer's 360 page, and the auditor filtering the audit
/// page by that customer sees the read, by whom.
/// </summary>
public sealed partial class CustomerReadAuditPageTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task An_rm_opening_the_360_page_is_found_by_the_auditor_filtering_by_the_customer()
    {
        var (customerId, customerNumber) = await CreateCustomerAsRm1Async("欧阳审读");
        var rm1 = await SignInAsync(LiveApp.Rm1.UserName);
        await rm1.GotoAsync($"/customers/{customerId}");
        await rm1.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(rm1.Locator("body")).ToContainTextAsync(customerNumber);
        await rm1.Context.CloseAsync();

        var auditor = await SignInAsync("auditor1");
        await auditor.GotoAsync("/audit");
        await auditor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await auditor.Locator("#filter-customer").FillAsync(customerNumber);
        await auditor.Locator("#filter-user").FillAsync("rm1");

        await Expect(auditor.Locator("table")).ToContainTextAsync(CustomerRead());
        await Expect(auditor.Locator("table")).ToContainTextAsync(new Regex("360|balances"));
        await LiveApp.ScreenshotAsync(auditor, "audit-customer-read");
        await auditor.Context.CloseAsync();
    }

    [GeneratedRegex("查看客户资料|查看敏感信息")]
    private static partial Regex CustomerRead();

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

    private async Task<(long Id, string Number)> CreateCustomerAsRm1Async(string name)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1981, 6, 9), 733);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = "13612345733", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("customerNumber").GetString()!);
    }
}
