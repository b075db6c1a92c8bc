using BankCrm.Data.Customers;
using BankCrm.Web.Components.Shared.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class OverviewTab
{
    private List<ChartSeries<double>> assetSeries = [];
    private string[] assetLabels = [];
    private List<ChartSeries<double>> trendSeries = [];
    private string[] trendLabels = [];
    private readonly LineChartOptions trendOptions = new() { YAxisToStringFunc = value => Money.Compact((decimal)value), MaxNumYAxisTicks = 6 };

    [Parameter, EditorRequired]
    public Customer360Summary Summary { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<MonthBalance> Trend { get; set; } = [];

    protected override void OnParametersSet()
    {
        // Charts draw doubles; the amounts stay decimal everywhere else on the page.
        assetLabels = [.. Summary.AssetDistribution.Select(a => Labels.Of(a.Category))];
        assetSeries = [new ChartSeries<double> { Name = T["Overview.Assets"], Data = Summary.AssetDistribution.Select(a => (double)a.Amount).ToArray() }];
        trendLabels = [.. Trend.Select(m => Dates.Month(m.Year, m.Month))];
        trendSeries = [new ChartSeries<double> { Name = "AUM", Data = Trend.Select(m => (double)m.Balance).ToArray() }];
    }
}
