using BankCrm.Core.Consent;
using BankCrm.Core.Engagement.Tasks;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Consent;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Components.Engagement.Tasks;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BankCrm.Web.Tests.Components.Engagement.Tasks;

/// <remarks>MudBlazor's chips and links start services that only dispose asynchronously, hence IAsyncLifetime.</remarks>
public sealed class TaskCardTests : BunitContext, IAsyncLifetime
{
    // 2026-11-25 15:00 in China.
    private static readonly DateTime Now = new(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc);

    public TaskCardTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_WhenOverdueForAVipInPoorHealth_ShowsWhyWhoHowUrgentAndHowToReachThem()
    {
        using var scope = new CultureScope("zh-CN");
        var card = Render<TaskCard>(p => p.Add(c => c.Item, Line(dueAt: Now.AddDays(-2))).Add(c => c.ActorId, "rm1").Add(c => c.ShowActions, false));

        Assert.Equal("流失预警回访", card.Find(".task-title").TextContent.Trim());
        Assert.Equal("资产下降 35%", card.Find(".task-reason").TextContent.Trim());
        Assert.Equal("周淑珍", card.Find(".task-customer").TextContent.Trim());
        Assert.Equal("贵宾客户", card.Find(".task-tier").TextContent.Trim());
        Assert.Equal("健康度 35", card.Find(".task-health").TextContent.Trim());
        Assert.Equal("逾期 2 天", card.Find(".task-due").TextContent.Trim());
        Assert.Equal("80", card.Find(".task-priority").TextContent.Trim());
        Assert.Equal("企业微信", card.Find(".task-preferred").TextContent.Trim());
        Assert.Equal("短信✔", card.Find(".task-consents [data-channel='Sms']").TextContent.Trim());
        Assert.Equal("邮件✘", card.Find(".task-consents [data-channel='Email']").TextContent.Trim());
        Assert.Contains("consent-yes", card.Find(".task-consents [data-channel='Sms']").ClassList);
    }

    [Fact]
    public void Render_WhenTheTaskIsSomeoneElses_OffersNoOutcomeButtons()
    {
        using var scope = new CultureScope("zh-CN");
        var card = Render<TaskCard>(p => p.Add(c => c.Item, Line(dueAt: Now.AddDays(1))).Add(c => c.ActorId, "rm2").Add(c => c.ShowOwner, true));

        Assert.Empty(card.FindAll(".task-actions"));
        Assert.Contains("李明", card.Find(".task-owner").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenDone_ShowsTheStatusAndOutcomeInsteadOfPriorityAndDueDate()
    {
        using var scope = new CultureScope("zh-CN");
        var done = Line(dueAt: Now.AddDays(-1)) with { Status = WorkTaskStatus.Done, Outcome = "已联系-有意向", CompletedAt = Now };

        var card = Render<TaskCard>(p => p.Add(c => c.Item, done).Add(c => c.ActorId, "rm1"));

        Assert.Empty(card.FindAll(".task-priority"));
        Assert.Empty(card.FindAll(".task-due"));
        Assert.Empty(card.FindAll(".task-actions"));
        Assert.Equal("已完成", card.Find(".task-closed").TextContent.Trim());
        Assert.Contains("已联系-有意向", card.Find(".task-last-outcome").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "主要流失因素：资产余额 90 天内下降 70%（¥*** → ¥***）")]
    [InlineData(true, "主要流失因素：资产余额 90 天内下降 70%（¥7.7 万 → ¥2.3 万）")]
    public void Render_WhenTheReasonQuotesAmounts_ShowsThemOnlyWhereAssetDetailsAreShown(bool showAmounts, string expected)
    {
        using var scope = new CultureScope("zh-CN");
        var item = Line(dueAt: Now.AddDays(1)) with { Reason = "主要流失因素：资产余额 90 天内下降 70%（¥7.7 万 → ¥2.3 万）" };

        var card = Render<TaskCard>(p => p.Add(c => c.Item, item).Add(c => c.ActorId, "rm1").Add(c => c.ShowActions, false).Add(c => c.ShowAmounts, showAmounts));

        Assert.Equal(expected, card.Find(".task-reason").TextContent.Trim());
    }

    [Fact]
    public void Render_WhenNotToldAmountsMayBeShown_HidesThem()
    {
        using var scope = new CultureScope("zh-CN");
        var item = Line(dueAt: Now.AddDays(1)) with { Reason = "近 6 个月母婴消费 5 笔，共 ¥1,500.00" };

        var card = Render<TaskCard>(p => p.Add(c => c.Item, item).Add(c => c.ActorId, "rm1").Add(c => c.ShowActions, false));

        Assert.Equal("近 6 个月母婴消费 5 笔，共 ¥***", card.Find(".task-reason").TextContent.Trim());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static TaskLine Line(DateTime dueAt) => new(
        7, "流失预警回访", "资产下降 35%", TaskSource.Playbook, TaskUrgency.Critical, dueAt, WorkTaskStatus.Open, null, null, Now.AddDays(-5), null, null,
        "rm1", "李明", 42, "C00000042", "周淑珍", ValueTier.Vip, 35, 80, ContactChannel.WeCom,
        [new ChannelConsent(ContactChannel.Sms, ConsentState.Granted), new ChannelConsent(ContactChannel.Email, ConsentState.Withdrawn)], 0);

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
