using Bunit;
using BankCrm.Web.Components.Shared;
using MudBlazor.Services;

namespace BankCrm.Web.Tests.Components.Shared.KpiTile;

public sealed class KpiTileTests : BunitContext
{
    public KpiTileTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_WhenAumRose_ShowsValueAndRedUpArrowWithOneDecimal()
    {
        var tile = Render<Web.Components.Shared.KpiTile>(p => p
            .Add(t => t.Label, "资产管理规模 (AUM)")
            .Add(t => t.Value, "¥86.20万")
            .Add(t => t.Change, 0.031m)
            .Add(t => t.ChangeCaption, "较上月末"));

        Assert.Equal("资产管理规模 (AUM)", tile.Find(".kpi-label").TextContent.Trim());
        Assert.Equal("¥86.20万", tile.Find(".kpi-number").TextContent.Trim());
        var change = tile.Find(".kpi-change");
        Assert.Equal("▲ 3.1%", change.TextContent.Trim());
        Assert.Contains("kpi-up", change.ClassList);
        Assert.Equal("较上月末", change.GetAttribute("title"));
    }

    [Fact]
    public void Render_WhenFell_ShowsDownArrowWithoutMinusSign()
    {
        var tile = Render<Web.Components.Shared.KpiTile>(p => p
            .Add(t => t.Label, "AUM")
            .Add(t => t.Value, "¥1.00万")
            .Add(t => t.Change, -0.125m));

        var change = tile.Find(".kpi-change");
        Assert.Equal("▼ 12.5%", change.TextContent.Trim());
        Assert.Contains("kpi-down", change.ClassList);
    }

    [Fact]
    public void Render_WhenNothingToCompare_ShowsNoChange()
    {
        var tile = Render<Web.Components.Shared.KpiTile>(p => p
            .Add(t => t.Label, "账户数")
            .Add(t => t.Value, "8")
            .Add(t => t.Caption, "其中有效 7 个"));

        Assert.Empty(tile.FindAll(".kpi-change"));
        Assert.Equal("其中有效 7 个", tile.Find(".kpi-caption").TextContent.Trim());
    }

    [Fact]
    public void Render_WhenHrefGiven_LinksTheFigureToTheCustomersBehindIt()
    {
        var tile = Render<Web.Components.Shared.KpiTile>(p => p
            .Add(t => t.Label, "我的客户")
            .Add(t => t.Value, "120")
            .Add(t => t.Href, "/customers")
            .Add(t => t.Id, "tile-customers"));

        Assert.Equal("/customers", tile.Find("a.kpi-number").GetAttribute("href"));
        Assert.NotNull(tile.Find("#tile-customers"));
    }
}
