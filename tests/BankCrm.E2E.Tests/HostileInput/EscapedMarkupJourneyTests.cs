using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Customers;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.HostileInput;

/// <summary>A customer named like a script shows as text on the list and the 360 page; no dialog ever opens (checklist V3).</summary>
public sealed class EscapedMarkupJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    private static readonly string[] Names = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];

    [Fact]
    public async Task Customers_named_like_markup_show_literally_on_the_list_and_the_360_page_and_no_dialog_fires()
    {
        var ids = new List<long>();
        for (var i = 0; i < Names.Length; i++)
        {
            ids.Add(await CreateCustomerAsRm1Async(Names[i], i));
        }

        var page = await app.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        for (var i = 0; i < Names.Length; i++)
        {
            await page.GotoAsync("/customers?q=" + Uri.EscapeDataString(Names[i]));
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.Locator("#customer-table")).ToContainTextAsync(Names[i]);
            await LiveApp.ScreenshotAsync(page, $"markup-{i + 1}-list");

            await page.GotoAsync($"/customers/{ids[i]}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.GetByText(Names[i]).First).ToBeVisibleAsync();
            await LiveApp.ScreenshotAsync(page, $"markup-{i + 1}-360");
        }

        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        await page.Context.CloseAsync();
    }

    private async Task<long> CreateCustomerAsRm1Async(string name, int n)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var idNumber = ResidentIdNumber.Compose("650102", new DateOnly(1931, 3, 1 + n), 700 + n);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = $"1995555000{n}", city = "乌鲁木齐市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
