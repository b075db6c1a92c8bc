using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Segmentation;

public sealed class SegmentBuilderJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Marketing_builds_a_segment_sees_the_live_count_change_and_saves_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("marketing1");
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());

        await page.GotoAsync("/segments/new");

        // The prerendered page is replaced when the interactive circuit starts; wait for that first.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#segment-name").FillAsync("银发测试客群");

        // The default condition is 年龄 大于等于 with no value yet: no count until the value is filled in.
        var value = page.Locator(".condition-value input").First;
        await value.FillAsync("60");
        var count = page.Locator("#live-count-value");
        await Expect(count).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var sixtyPlus = int.Parse((await count.InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await LiveApp.ScreenshotAsync(page, "segment-builder");

        await value.FillAsync("30");
        await Expect(count).Not.ToHaveTextAsync(sixtyPlus.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        var thirtyPlus = int.Parse((await count.InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(thirtyPlus > sixtyPlus, $"30+ counted {thirtyPlus}, 60+ counted {sixtyPlus}");

        await page.Locator("#save-segment").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/segments/\\d+$"), new() { Timeout = 15_000 });
        await Expect(page.Locator("#export-csv")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
