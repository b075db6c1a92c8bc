using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BankCrm.Core.Consent;
using BankCrm.Core.Customers;
using BankCrm.Core.Engagement.Outreach;
using BankCrm.Data.Database;
using BankCrm.Data.Engagement.Outreach;
using BankCrm.Data.Organization;
using BankCrm.E2E.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BankCrm.E2E.Tests.Engagement;

public sealed class OutboxJourneyTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Marketing_reads_why_a_message_was_blocked_sees_the_sink_and_suppresses_a_customer()
    {
        var (customerId, customerNumber) = await CustomerWithSmsConsentAsync("欧阳发件");
        await SendAsync(customerId);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync("marketing1");
        await page.Locator("#password").FillAsync(DemoStaff.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "发件箱" })).ToHaveAttributeAsync("href", "/engagement/outbox");

        // A full load rather than a click: a click while the workbench's circuit is still starting can land back on it.
        await page.GotoAsync("/engagement/outbox");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("发件箱");
        await Expect(page.Locator("#outbox-total")).ToHaveTextAsync("共 3 条");
        await Expect(page.Locator("#outbox-counts .outbox-count[data-status='Sent']")).ToHaveTextAsync("已发送 1");
        await page.Locator("#outbox-counts .outbox-count[data-status='Blocked']").ClickAsync();
        var messages = page.Locator("#outbox-messages");
        await Expect(messages).ToContainTextAsync("客户未同意通过企业微信接收营销信息");
        await Expect(messages).ToContainTextAsync("欧阳**");
        await Expect(messages).Not.ToContainTextAsync("欧阳发件");
        await Expect(page.Locator("#outbox-counts .outbox-count[data-status='Blocked']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-filled"));

        // Let the chip's and the select's transitions finish, so the screenshot shows the page at rest.
        await page.WaitForTimeoutAsync(500);
        await LiveApp.ScreenshotAsync(page, "outbox-1-blocked");

        await page.GetByRole(AriaRole.Tab, new() { Name = "开发收件箱" }).ClickAsync();
        await Expect(page.Locator("#outbox-sink .sink-recipient").First).ToHaveTextAsync("136****0931");
        await LiveApp.ScreenshotAsync(page, "outbox-2-sink");

        await page.GetByRole(AriaRole.Tab, new() { Name = "免打扰名单" }).ClickAsync();
        await page.Locator("#add-suppression").ClickAsync();
        await page.Locator("#suppression-save").ClickAsync();
        await Expect(page.Locator("#add-suppression-dialog")).ToContainTextAsync("请填写加入免打扰名单的原因");
        await page.Locator("#suppression-customer").FillAsync(customerNumber);
        await page.Locator("#suppression-reason").FillAsync("客户来电投诉营销短信，要求停止联系");
        await page.Locator("#suppression-save").ClickAsync();
        await Expect(page.Locator("#outbox-suppressions")).ToContainTextAsync("客户来电投诉营销短信");
        await Expect(page.Locator("#outbox-suppressions")).ToContainTextAsync("生效中");
        await LiveApp.ScreenshotAsync(page, "outbox-3-suppressions");

        // The customer's channel ranking on the 360 page: born 1982, SMS (default 60) was sent once, marketing reads but may not change it.
        await page.GotoAsync($"/customers/{customerId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "同意与隐私" }).ClickAsync();
        var sms = page.Locator("#channel-preference-table tr[data-channel='Sms']");
        await Expect(sms.Locator(".preference-score")).ToHaveTextAsync("59");
        await Expect(sms.Locator(".preference-source")).ToHaveTextAsync("学习");
        await Expect(page.Locator("#edit-channel-preferences")).ToHaveCountAsync(0);
        await page.Locator("#channel-preferences").ScrollIntoViewIfNeededAsync();
        await LiveApp.ScreenshotAsync(page, "outbox-4-channel-preferences");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_rm_moves_email_to_the_top_of_a_customers_channel_ranking()
    {
        var (customerId, _) = await CustomerWithSmsConsentAsync("欧阳偏好", serial: 932);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(LiveApp.Rm1.UserName);
        await page.Locator("#password").FillAsync(LiveApp.Rm1.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();

        await page.GotoAsync($"/customers/{customerId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByRole(AriaRole.Tab, new() { Name = "同意与隐私" }).ClickAsync();
        await page.Locator("#edit-channel-preferences").ClickAsync();
        var email = page.Locator("#channel-preference-table tr[data-channel='Email']");
        await email.Locator(".preference-score-input input").FillAsync("90");
        await email.Locator(".preference-score-input input").BlurAsync();
        await page.Locator("#save-channel-preferences").ClickAsync();

        var first = page.Locator("#channel-preference-table tbody tr").First;
        await Expect(first).ToHaveAttributeAsync("data-channel", "Email");
        await Expect(first.Locator(".preference-score")).ToHaveTextAsync("90");
        await Expect(first.Locator(".preference-source")).ToHaveTextAsync("员工设置");
        await page.Context.CloseAsync();
    }

    /// <summary>Three messages put in the outbox and dispatched at 10:00 tomorrow: one sent, two blocked for different reasons.</summary>
    private async Task SendAsync(long customerId)
    {
        var at = DateTime.SpecifyKind(DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(1).ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        await using (var db = app.Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext())
        {
            await OutboxWriter.EnqueueAsync(db, new OutboundRequest("e2e:sms", customerId, ContactChannel.Sms, MessagePurpose.Marketing, MessageSource.Campaign, null,
                "新客专享理财", "欧阳先生您好，新客专享 3.2% 理财本周开放申购，详询客户经理李明。", at, "e2e"), at, CancellationToken.None);
            await OutboxWriter.EnqueueAsync(db, new OutboundRequest("e2e:wecom", customerId, ContactChannel.WeCom, MessagePurpose.Marketing, MessageSource.Playbook, null,
                "月度知识卡", "欧阳先生您好，本月知识卡：如何搭配定投与活期理财。", at, "e2e"), at, CancellationToken.None);
            await OutboxWriter.EnqueueAsync(db, new OutboundRequest("e2e:email", customerId, ContactChannel.Email, MessagePurpose.Service, MessageSource.Manual, null,
                "对账单", "您的 11 月对账单已生成。", at, "e2e"), at, CancellationToken.None);
        }

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(at, "e2e", CancellationToken.None);
    }

    private async Task<(long Id, string Number)> CustomerWithSmsConsentAsync(string name, int serial = 931)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = LiveApp.Rm1.UserName, password = LiveApp.Rm1.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var idNumber = ResidentIdNumber.Compose("310115", new DateOnly(1982, 5, 20), serial);
        var created = await http.PostAsJsonAsync("/api/v1/customers", new { type = "Individual", name, idNumber, mobile = $"1361234{serial:D4}", city = "上海市" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var customer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = customer.GetProperty("id").GetInt64();
        var consent = await http.PostAsJsonAsync($"/api/v1/customers/{id}/consents", new { purpose = "Marketing", channel = "Sms", granted = true, source = "Branch" });
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        return (id, customer.GetProperty("customerNumber").GetString()!);
    }
}
