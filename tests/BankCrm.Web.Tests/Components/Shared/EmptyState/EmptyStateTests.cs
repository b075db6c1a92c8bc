using Bunit;
using MudBlazor.Services;

namespace BankCrm.Web.Tests.Components.Shared.EmptyState;

public sealed class EmptyStateTests : BunitContext
{
    public EmptyStateTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_WhenHintGiven_SaysWhatIsEmptyAndWhatToDo()
    {
        var state = Render<Web.Components.Shared.EmptyState>(p => p
            .Add(e => e.Title, "没有找到匹配的客户")
            .AddChildContent("换用完整的手机号搜索"));

        Assert.Equal("status", state.Find(".empty-state").GetAttribute("role"));
        Assert.Contains("没有找到匹配的客户", state.Markup, StringComparison.Ordinal);
        Assert.Equal("换用完整的手机号搜索", state.Find(".empty-state-hint").TextContent.Trim());
    }

    [Fact]
    public void Render_WhenNoHint_LeavesOutTheHintLine()
    {
        var state = Render<Web.Components.Shared.EmptyState>(p => p.Add(e => e.Title, "没有变更记录"));

        Assert.Empty(state.FindAll(".empty-state-hint"));
    }
}
