using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Security;

/// <summary>A teller at the counter sees the basic, masked view of a customer and nothing more.</summary>
public sealed class TellerViewTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Teller_sees_the_masked_basic_view_without_assets_or_history()
    {
        var customerId = await CreateCustomerAsRm1Async("欧阳柜面");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("teller1");
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        await page.GotoAsync($"/customers/{customerId}");

        await Expect(page.Locator("#customer-name")).ToHaveTextAsync("欧阳**");
        await Expect(page.Locator("#profile-name")).ToHaveTextAsync("欧阳**");
        await Expect(page.Locator("#customer-id-number")).ToHaveTextAsync("310115********1236");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "资料" })).ToBeVisibleAsync();
        await Expect(page.Locator("#tile-aum")).ToHaveCountAsync(0);
        await Expect(page.Locator("#assets-locked")).ToHaveCountAsync(0);
        await Expect(page.Locator("#edit-customer")).ToHaveCountAsync(0);
        await Expect(page.Locator("#reveal-identifiers")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "交易" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "变更历史" })).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("欧阳柜面");
        await LiveApp.ScreenshotAsync(page, "teller-basic-view");
        await page.Context.CloseAsync();
    }

    private async Task<long> CreateCustomerAsRm1Async(string name)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1985, 6, 15), 123);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = "13612345678", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
