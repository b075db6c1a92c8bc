using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Data.Scoring;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Engagement;

/// <summary>The RM's work queue on a phone (390 × 844) and the branch manager's team view on a laptop.</summary>
public sealed class TaskJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    private const string CustomerName = "司徒待办";

    private static readonly ConditionalWeakTable<LiveApp, Task> Scored = new();

    [Fact]
    public async Task Rm_on_a_phone_logs_an_outcome_in_two_clicks_and_an_interaction_and_both_tasks_leave_the_open_list()
    {
        var (customerId, callTask, renewalTask) = await PrepareAsync();
        var page = await PhonePageAsync();
        await SignInAsync(page, "rm1");
        await Expect(page.Locator("#today-tasks")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeInViewportAsync();
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-1-workbench");

        // The drawer is closed on a phone; the menu button opens it and the link leads to the inbox.
        var inboxLink = page.GetByRole(AriaRole.Link, new() { Name = "我的任务" });
        await Expect(inboxLink).Not.ToBeInViewportAsync();
        await ClickUntilShownAsync(page.GetByRole(AriaRole.Button, new() { Name = "菜单" }), inboxLink);
        await inboxLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("我的任务 · 服务优先级清单");
        var call = page.Locator($"#task-inbox #task-{callTask}");
        await Expect(call).ToBeVisibleAsync();
        await Expect(call).ToContainTextAsync(CustomerName);
        await Expect(call).ToContainTextAsync("首选渠道");
        await Expect(call.Locator(".task-consents")).ToContainTextAsync("短信✘");
        await AssertFitsTheScreenAsync(page);
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-2-inbox");

        // Open the task, then two clicks: 记录结果 → 已联系-有意向.
        await call.Locator(".task-title").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tasks/{callTask}$"));
        await Expect(page.Locator("#task-status")).ToHaveTextAsync("待处理");
        await AssertFitsTheScreenAsync(page);
        await page.Locator($"#outcome-menu-{callTask} button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "已联系-有意向" }).ClickAsync();
        await Expect(page.Locator("#task-status")).ToHaveTextAsync("已完成");
        await Expect(page.Locator("#customer-timeline")).ToContainTextAsync("已联系-有意向");
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-3-outcome");

        // Back in the inbox, log an interaction from the second task; it closes the task.
        await page.Locator("#back-to-inbox").ClickAsync();
        await Expect(page.Locator("#task-inbox")).ToBeVisibleAsync();
        await Expect(page.Locator($"#task-inbox #task-{callTask}")).ToHaveCountAsync(0);
        var renewal = page.Locator($"#task-inbox #task-{renewalTask}");
        await renewal.Locator(".task-log-interaction").ClickAsync();
        var dialog = page.Locator("#log-interaction-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("[data-outcome='Converted']").ClickAsync();
        await dialog.Locator("#interaction-summary").FillAsync("电话沟通续贷 客户同意下周来网点签约");
        await dialog.Locator("#interaction-next-step").FillAsync("准备续贷材料");
        await AssertFitsTheScreenAsync(page);
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-4-interaction");
        await page.Locator("#interaction-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator($"#task-inbox #task-{renewalTask}")).ToHaveCountAsync(0);
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-5-inbox-after");

        // The 360 summary on the phone: header, open tasks, the timeline and the QR code.
        await page.GotoAsync($"/customers/{customerId}");
        await Expect(page.Locator("#customer-name")).ToHaveTextAsync(CustomerName);
        await Expect(page.Locator("#tile-health")).ToBeVisibleAsync();
        await Expect(page.Locator("#customer-no-tasks")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "互动" }).ClickAsync();
        await Expect(page.Locator("#customer-timeline")).ToContainTextAsync("电话沟通续贷 客户同意下周来网点签约");
        await page.Locator("#show-qr").ClickAsync();
        await Expect(page.Locator("#customer-qr-image")).ToBeVisibleAsync();
        var qrUrl = (await page.Locator("#customer-qr-url").InnerTextAsync()).Trim();
        Assert.Equal(new Uri(app.BaseAddress, $"customers/{customerId}").AbsoluteUri, qrUrl);
        await AssertFitsTheScreenAsync(page);
        await LiveApp.ScreenshotAsync(page, "tasks-mobile-6-customer-360");
        await page.Context.CloseAsync();

        // Scanning the code on another phone: sign in first, then the same customer.
        var scanner = await PhonePageAsync();
        await scanner.GotoAsync(qrUrl);
        await Expect(scanner.Locator("#username")).ToBeVisibleAsync();
        await scanner.Locator("#username").FillAsync("rm1");
        await scanner.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await scanner.Locator("#login-submit").ClickAsync();
        await Expect(scanner.Locator("#customer-name")).ToHaveTextAsync(CustomerName);
        await LiveApp.ScreenshotAsync(scanner, "tasks-mobile-7-scanned");
        await scanner.Context.CloseAsync();
    }

    [Fact]
    public async Task Branch_manager_sees_the_team_workload_and_reassigns_an_overdue_task_to_a_colleague()
    {
        await ScoreOnceAsync();
        var page = await app.NewPageAsync();
        await SignInAsync(page, "rm1");
        await page.GotoAsync("/tasks");
        await Expect(page.Locator("#task-inbox .task-card").First).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "tasks-desktop-inbox");
        await page.Context.CloseAsync();

        var manager = await app.NewPageAsync();
        await SignInAsync(manager, "manager1");
        await manager.GotoAsync("/tasks/team");
        await Expect(manager.Locator("#team-workload tr[data-member='rm1']")).ToBeVisibleAsync();
        var overdueRow = manager.Locator("#team-tasks tbody tr", new() { HasText = "流失预警回访" }).First;
        await Expect(overdueRow).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(manager, "tasks-desktop-team");

        var toManager = manager.GetByRole(AriaRole.Menuitem, new() { Name = "陈静" });
        await ClickUntilShownAsync(overdueRow.Locator(".reassign-menu button"), toManager);
        await toManager.ClickAsync();
        await Expect(manager.Locator(".mud-snackbar")).ToContainTextAsync("改派给 陈静");
        await Expect(manager.Locator("#team-tasks tbody tr", new() { HasText = "流失预警回访" }).First).ToContainTextAsync("陈静");
        await manager.Context.CloseAsync();
    }

    private async Task<IPage> PhonePageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks until the target shows: a click on the prerendered page, before the circuit is interactive, does nothing.
    /// </summary>
    private static async Task ClickUntilShownAsync(ILocator trigger, ILocator target)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await trigger.ClickAsync();
            try
            {
                await Expect(target).ToBeInViewportAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not interactive yet, or the click closed what had just opened: try again.
            }
        }

        await Expect(target).ToBeInViewportAsync();
    }

    /// <summary>Nothing on the page is wider than the screen: no sideways scrolling on a phone.</summary>
    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"page is {widths[0]} px wide on a {widths[1]} px screen");
    }

    /// <summary>rm1's customer with two critical tasks due within hours, near the top of the service-priority list.</summary>
    private async Task<Prepared> PrepareAsync()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1979, 3, 8), 417);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name = CustomerName, idNumber, mobile = "13712340000", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Only a customer who agreed to profiling (用户画像) gets scores, so the tiles need that consent on file.
        var consent = await http.PostAsJsonAsync($"/api/v1/customers/{customerId}/consents",
            new { purpose = "Profiling", granted = true, source = "Branch", evidenceNote = "开户时签署授权书" });
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var call = await CreateTaskAsync(http, new { customerId, title = "理财到期回访电话", reason = "理财产品下周到期：确认续投意向", urgency = "Critical", dueAt = now.AddHours(1) });
        var renewal = await CreateTaskAsync(http, new { customerId, title = "经营贷续贷沟通", reason = "贷款一个月后到期：准备一键续贷", urgency = "Critical", dueAt = now.AddHours(2) });

        // Scored after it exists, so the 360 summary has its tiles and the cards their tier and health.
        await ScoreAsync(app);
        return new Prepared(customerId, call, renewal);
    }

    /// <summary>Tiers and health come from the latest scores: one scoring run of the demo bank for this app.</summary>
    private Task ScoreOnceAsync() => Scored.GetValue(app, ScoreAsync);

    private static Task ScoreAsync(LiveApp live) => live.Services.GetRequiredService<ScoringRunner>()
        .RunAsync(ChinaTime.Today(TimeProvider.System), force: true, "e2e", progress: null, CancellationToken.None);

    private static async Task<long> CreateTaskAsync(HttpClient http, object body)
    {
        var response = await http.PostAsJsonAsync("/api/v1/tasks", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private sealed record Prepared(long CustomerId, long CallTask, long RenewalTask);
}
