using System.Text;
using BankCrm.Core.Customers;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Customers;

/// <summary>A branch manager imports a small CSV with two bad rows and reads the summary and the error table.</summary>
public sealed class ImportJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Branch_manager_imports_a_csv_and_sees_each_bad_row_with_its_field_and_rule()
    {
        var csv = new StringBuilder("客户类型,姓名,证件号码,手机号,城市\n");
        for (var i = 0; i < 3; i++)
        {
            csv.Append($"个人,导入测试{i},{ResidentIdNumber.Compose("310104", new DateOnly(1985, 4, 1 + i), 600 + i)},1391234567{i},上海市\n");
        }

        csv.Append("个人,证件错误,310104198504019999,13912345679,上海市\n");
        csv.Append("个人,手机错误,").Append(ResidentIdNumber.Compose("310104", new DateOnly(1986, 5, 2), 610)).Append(",12345,上海市\n");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("manager1");
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        await page.GotoAsync("/customers/import");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var file = new FilePayload { Name = "新客户.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) };

        // A file chosen on the prerendered page, before the interactive circuit starts, is not seen by the app; a user
        // would choose it again, and so does the test, as long as no import has started.
        var started = page.GetByText("新客户.csv：").Or(page.GetByText("新客户.csv 导入完成"));
        for (var attempt = 0; attempt < 10 && await started.CountAsync() == 0; attempt++)
        {
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await page.WaitForTimeoutAsync(2_000);
        }

        await Expect(page.GetByText("新客户.csv 导入完成")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("新建 3")).ToBeVisibleAsync();
        await Expect(page.GetByText("无效 2")).ToBeVisibleAsync();
        var errors = page.Locator("table tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0).Locator("td").First).ToHaveTextAsync("5");
        await Expect(errors.Nth(1).Locator("td").First).ToHaveTextAsync("6");
        await LiveApp.ScreenshotAsync(page, "import");
        await page.Context.CloseAsync();
    }
}
