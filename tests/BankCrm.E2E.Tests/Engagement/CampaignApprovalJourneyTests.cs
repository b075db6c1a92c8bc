using System.Text.RegularExpressions;
using BankCrm.Core.Common;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Core.Holdings;
using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation.Segments;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Campaigns;
using BankCrm.Data.Organization;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Engagement;

public sealed class CampaignApprovalJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Marketing_creates_and_submits_a_campaign_a_branch_manager_approves_it_and_the_report_shows_the_uplift()
    {
        var marketingId = await UserIdAsync("marketing1");
        var marketingActor = new Actor(marketingId, "marketing1", [StaffRole.Marketing], null);
        var segment = await app.Services.GetRequiredService<SegmentStore>().SaveAsync(marketingActor, null, new SegmentInput(
            "三十岁以上客户", "旅程测试", """{"combine":"And","groups":[{"combine":"And","conditions":[{"field":"age","operator":"Ge","value":30}]}]}""",
            [new SegmentShareInput(ShareKind.Role, StaffRole.BranchManager)]), CancellationToken.None);
        Assert.IsType<SegmentOutcome.Saved>(segment);

        var marketing = await SignInAsync("marketing1");
        await marketing.GotoAsync("/engagement/campaigns/new");
        await marketing.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await marketing.Locator("#campaign-name").FillAsync("稳健理财新客礼遇");
        await ChooseAsync(marketing, "#campaign-segment", "三十岁以上客户");
        await ChooseAsync(marketing, "#campaign-product", null);
        await marketing.Locator("#campaign-offer").FillAsync("新客专享 3.2% 年化理财");
        await marketing.Locator("#campaign-subject").FillAsync("稳健理财礼遇");
        await marketing.Locator("#campaign-value").FillAsync("200");
        await Expect(marketing.Locator("#campaign-preview")).ToContainTextAsync("张先生您好！新客专享 3.2% 年化理财");
        await LiveApp.ScreenshotAsync(marketing, "campaign-1-editor");
        await marketing.Locator("#save-campaign").ClickAsync();
        await Expect(marketing).ToHaveURLAsync(new Regex("/engagement/campaigns/\\d+$"), new() { Timeout = 15_000 });
        var id = long.Parse(marketing.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await marketing.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await marketing.Locator("#submit-campaign").ClickAsync();
        await Expect(marketing.Locator(".campaign-status").First).ToHaveTextAsync("待审批");

        var manager = await SignInAsync("manager1");
        await manager.GotoAsync("/engagement/approvals");
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await manager.Locator(".campaign-link", new() { HasText = "稳健理财新客礼遇" }).ClickAsync();
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(manager.Locator("#approval-members")).ToContainTextAsync("位");
        await Expect(manager.Locator("#approval-preview")).ToContainTextAsync("新客专享 3.2% 年化理财");
        await LiveApp.ScreenshotAsync(manager, "campaign-2-approval");
        await manager.Locator("#approve-campaign").ClickAsync();
        await Expect(manager.Locator("#approval-done")).ToContainTextAsync("陈静");

        await LaunchAndSimulateAsync(marketingActor, id);
        await marketing.GotoAsync($"/engagement/campaigns/{id}/report");
        await Expect(marketing.Locator("#report-uplift")).ToContainTextAsync("95% 置信区间");
        await Expect(marketing.Locator("#report-roi")).ToContainTextAsync("ROI");
        await LiveApp.ScreenshotAsync(marketing, "campaign-3-report");
        await marketing.Context.CloseAsync();
        await manager.Context.CloseAsync();
    }

    /// <summary>The send job's work and a month of customers opening the product, done directly so the report has something to show.</summary>
    private async Task LaunchAndSimulateAsync(Actor marketing, long id)
    {
        Assert.NotNull((await app.Services.GetRequiredService<CampaignStore>().LaunchAsync(marketing, id, CancellationToken.None)).Value);
        await app.Services.GetRequiredService<CampaignLauncher>().SendAsync(id, CancellationToken.None);
        await using var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        var productId = (await db.Campaigns.SingleAsync(c => c.Id == id)).ProductId!.Value;
        var members = await db.CampaignMembers.Where(m => m.CampaignId == id).OrderBy(m => m.CustomerId).ToListAsync();
        var today = ChinaTime.Today(TimeProvider.System);
        var random = new Random(7);
        db.Accounts.AddRange(members.Where(m => random.NextDouble() < (m.IsControl ? 0.04 : 0.15)).Select(m => new Account
        {
            CustomerId = m.CustomerId, ProductId = productId, AccountNumber = "E2E" + Guid.NewGuid().ToString("N")[..13], OpenedOn = today.AddDays(random.Next(0, 20)), Balance = 50_000m,
        }));
        await db.SaveChangesAsync();
        await db.OutboundMessages.Where(o => o.SourceId == id && o.Source == MessageSource.Campaign).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, MessageStatus.Sent));
    }

    private static async Task ChooseAsync(IPage page, string select, string? option)
    {
        await page.Locator(select).ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        await (option is null ? options.First : options.Filter(new() { HasText = option }).First).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
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
