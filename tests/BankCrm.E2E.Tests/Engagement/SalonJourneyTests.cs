using System.Globalization;
using System.Text.RegularExpressions;
using BankCrm.Core.Common;
using BankCrm.Core.Organization;
using BankCrm.Data.Database;
using BankCrm.Data.Organization;
using BankCrm.Data.Segmentation.Segments;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Engagement;

public sealed class SalonJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_branch_manager_creates_a_salon_invites_a_segment_checks_a_guest_in_and_creates_the_follow_up()
    {
        await using (var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
        {
            var managerId = await db.Users.Where(u => u.UserName == "manager1").Select(u => u.Id).SingleAsync();
            var saved = await app.Services.GetRequiredService<SegmentStore>().SaveAsync(new Actor(managerId, "manager1", [StaffRole.BranchManager], DemoStaff.HomeBranchId), null,
                new SegmentInput("沙龙邀请：五十岁以上", "旅程测试", """{"combine":"And","groups":[{"combine":"And","conditions":[{"field":"age","operator":"Ge","value":50}]}]}""", []),
                CancellationToken.None);
            Assert.IsType<SegmentOutcome.Saved>(saved);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("manager1");
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());

        await page.GotoAsync("/engagement/events/new");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#event-title").FillAsync("家族信托与全球化资产配置");
        await page.Locator("#event-location").FillAsync("陆家嘴支行三楼贵宾室");
        await page.Locator("#event-starts").FillAsync(ChinaTime.Now(TimeProvider.System).AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#event-capacity").FillAsync("20");
        await page.Locator("#save-event").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/engagement/events/\\d+$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Locator("#invite-segment").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "沙龙邀请：五十岁以上" }).First.ClickAsync();
        await Expect(page.Locator("#invite-segment")).ToHaveValueAsync(new Regex("^\\d+$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#invite").ClickAsync();
        await Expect(page.Locator(".attendee-row").First).ToBeVisibleAsync();
        var first = page.Locator(".attendee-row").First;
        await first.Locator(".register").ClickAsync();
        await Expect(first.Locator(".attendee-status")).ToHaveTextAsync("已报名");
        await first.Locator(".check-in").ClickAsync();
        await Expect(first.Locator(".attendee-status")).ToHaveTextAsync("已签到");
        await page.Locator("#create-followups").ClickAsync();
        await Expect(first).ToContainTextAsync("#");
        await Expect(page.Locator("#event-counts")).ToContainTextAsync("签到 1");
        await LiveApp.ScreenshotAsync(page, "event-1-attendees");
        await page.Context.CloseAsync();
    }
}
