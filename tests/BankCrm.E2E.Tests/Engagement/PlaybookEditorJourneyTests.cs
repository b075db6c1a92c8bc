using System.Text.Json.Nodes;
using BankCrm.Core.Common;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Playbooks;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Engagement;

public sealed class PlaybookEditorJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Marketing_opens_a_shipped_playbook_edits_a_step_sees_the_rule_it_broke_fixes_it_and_saves()
    {
        var page = await SignInAsync("marketing1");
        await page.GotoAsync("/engagement/playbooks");
        await Expect(page.Locator("#playbook-list")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "playbooks-list");

        await page.Locator(".playbook-name", new() { HasText = "新客 72 小时破冰礼包" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/engagement/playbooks/\\d+$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var template = page.Locator("#step-0-template");
        await Expect(template).ToBeVisibleAsync();

        await template.FillAsync("{{ customer_name }}您好，您的余额是 {{ balance }}");
        var error = page.Locator("#step-0 .mud-input-helper-text.mud-input-error", new() { HasText = "模板只能使用这些变量" });
        await Expect(error).ToBeVisibleAsync();
        await Expect(page.Locator("#unsaved")).ToBeVisibleAsync();
        await page.Locator("#save-playbook").ClickAsync();
        await Expect(page.Locator("#save-errors")).ToContainTextAsync("还有 1 处需要修改");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await LiveApp.ScreenshotAsync(page, "playbook-editor-error");

        await template.FillAsync("{{ customer_name }}您好，欢迎您！服务指南请见手机银行「服务」栏目，客户经理{{ rm_name }}随时为您服务。");
        await Expect(error).ToBeHiddenAsync();
        await Expect(page.Locator("#step-0-preview")).ToContainTextAsync("张先生您好，欢迎您！");
        await page.Locator("#save-playbook").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "已保存经营策略" })).ToBeVisibleAsync();
        await Expect(page.Locator("#unsaved")).ToBeHiddenAsync();
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await LiveApp.ScreenshotAsync(page, "playbook-editor");

        await using var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var steps = await db.Playbooks.Where(p => p.Code == ShippedPlaybooks.Welcome).Select(p => p.Steps).SingleAsync();
        Assert.StartsWith("{{ customer_name }}您好，欢迎您！", JsonNode.Parse(steps)![0]!["template"]!.GetValue<string>(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_RM_sees_the_welcome_journey_of_a_new_customer_step_by_step_on_the_360_page()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        long customerId;
        await using (var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
        {
            var rm1 = await db.Users.Where(u => u.UserName == "rm1").Select(u => u.Id).SingleAsync();
            customerId = await db.Customers.Where(c => c.RelationshipManagerId == rm1 && c.Type == Core.Customers.CustomerType.Individual).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await db.Accounts.Where(a => a.CustomerId == customerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenedOn, ChinaTime.Today(TimeProvider.System)));
        }

        await app.Services.GetRequiredService<TriggerEvaluator>().EvaluateAsync(now, CancellationToken.None);
        await app.Services.GetRequiredService<StepRunner>().RunDueAsync(now, CancellationToken.None);

        var page = await SignInAsync("rm1");
        await page.GotoAsync($"/customers/{customerId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "旅程" }).ClickAsync();
        var journey = page.Locator(".journey", new() { HasText = "新客 72 小时破冰礼包" });
        await Expect(journey).ToBeVisibleAsync();
        await Expect(journey.Locator(".journey-step-result").First).ToContainTextAsync("消息已排队");
        await Expect(journey.Locator(".journey-status")).ToHaveTextAsync("进行中");
        await LiveApp.ScreenshotAsync(page, "customer-360-journeys");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        return page;
    }
}
