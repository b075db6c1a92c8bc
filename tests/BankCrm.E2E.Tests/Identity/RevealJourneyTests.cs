using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BankCrm.Core.Customers;
using BankCrm.Core.Holdings;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Identity;

/// <summary>rm1 with TOTP: code at login, then the eye icon on the 360 header asks for a code and a purpose.</summary>
public sealed class RevealJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Rm_with_totp_reveals_an_id_number_after_a_code_and_a_purpose_without_csp_errors()
    {
        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1979, 3, 8), 457);
        var customerId = await CreateCustomerAsRm1Async(idNumber);
        var key = await EnrolRm1Async();
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The app has no favicon; the browser's request for one is the only 404 and no CSP matter.
            var favicon = message.Location.Contains("/favicon.ico", StringComparison.Ordinal);
            if (!favicon && (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{message.Text} ({message.Location}, on {page.Url})");
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login/mfa"));
        await LiveApp.ScreenshotAsync(page, "mfa-1-code");
        await page.Locator("#code").FillAsync(Code(key, 0));
        await page.Locator("#mfa-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/customers");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync($"/customers/{customerId}");
        await Expect(page.Locator("#customer-id-number")).ToHaveTextAsync(Masking.IdNumber(idNumber));
        await Expect(page.Locator("#assets-locked")).ToBeVisibleAsync();
        await Expect(page.Locator("#tile-aum")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#reveal-identifiers").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/step-up"));
        await page.Locator("#purpose").SelectOptionAsync("风险核查");
        await page.Locator("#code").FillAsync(Code(key, 1));
        await LiveApp.ScreenshotAsync(page, "mfa-2-step-up");
        await page.Locator("#step-up-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/customers/{customerId}\\?reveal=1$"));
        await Expect(page.Locator("#customer-id-number")).ToHaveTextAsync(idNumber);
        await Expect(page.Locator("#customer-mobile")).ToHaveTextAsync("13612345679");

        // The same step-up unlocks the asset details (balances, holdings, transactions) for 15 minutes.
        await Expect(page.Locator("#tile-aum")).ToBeVisibleAsync();
        await Expect(page.Locator("#assets-locked")).ToHaveCountAsync(0);
        await LiveApp.ScreenshotAsync(page, "mfa-3-revealed");

        // The pictures of the README: rm1's individual demo customer with the fullest holdings, within the same 15-minute step-up.
        var richest = await RichestCustomerOfRm1Async();
        await page.GotoAsync($"/customers/{richest}");
        await Expect(page.Locator("#tile-aum")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await LiveApp.ScreenshotAsync(page, "customer-360-overview");
        await page.GetByRole(AriaRole.Tab, new() { Name = "持仓" }).ClickAsync();
        await Expect(page.Locator("#assets-locked")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await LiveApp.ScreenshotAsync(page, "customer-360-holdings");
        await page.GetByRole(AriaRole.Tab, new() { Name = "交易" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await LiveApp.ScreenshotAsync(page, "customer-360-transactions");

        await page.GotoAsync("/account/password");
        await page.GotoAsync("/account/mfa/setup");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    private static string Code(string key, int stepsAhead) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));

    private async Task<string> EnrolRm1Async()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var rm1 = await users.FindByNameAsync(LiveApp.Rm1.UserName) ?? throw new InvalidOperationException("rm1 missing");
        await users.ResetAuthenticatorKeyAsync(rm1);
        await users.SetTwoFactorEnabledAsync(rm1, true);
        return await users.GetAuthenticatorKeyAsync(rm1) ?? throw new InvalidOperationException("no key");
    }

    private async Task<long> RichestCustomerOfRm1Async()
    {
        await using var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var rm1 = await db.Users.SingleAsync(u => u.UserName == LiveApp.Rm1.UserName);
        var assets = await (
            from a in db.Accounts
            join p in db.Products on a.ProductId equals p.Id
            join c in db.Customers on a.CustomerId equals c.Id
            where c.RelationshipManagerId == rm1.Id && c.Type == CustomerType.Individual && ProductCategories.Assets.Contains(p.Category)
            select new { a.CustomerId, p.Category, a.Balance }).ToListAsync();

        // The widest spread of products first, then the largest AUM: the fullest picture of a customer.
        return assets.GroupBy(a => a.CustomerId)
            .OrderByDescending(g => g.Select(a => a.Category).Distinct().Count()).ThenByDescending(g => g.Sum(a => a.Balance))
            .First().Key;
    }

    private async Task<long> CreateCustomerAsRm1Async(string idNumber)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name = "欧阳翀", idNumber, mobile = "13612345679", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
