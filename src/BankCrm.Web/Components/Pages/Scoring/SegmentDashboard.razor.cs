using BankCrm.Core.Organization;
using BankCrm.Core.Segmentation;
using BankCrm.Data.Scoring;
using BankCrm.Web.Identity;
using BankCrm.Web.Scoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Scoring;

/// <summary>
/// Where the customers are (classes, tiers, lifecycle stages on a run date) and how they moved between classes
/// from one run to another; every count covers only the customers the user may see (a branch manager: the branch).
/// </summary>
public sealed partial class SegmentDashboard
{
    private static readonly CustomerClass[] Classes = Enum.GetValues<CustomerClass>();

    private readonly int[] pageSizes = [20, 50, 100];
    private List<DateOnly> runDates = [];
    private DateOnly selected;
    private DateOnly from;
    private DateOnly to;
    private SegmentDistribution? distribution;
    private MigrationMatrix? matrix;
    private List<ChartData> charts = [];
    private (CustomerClass From, CustomerClass To)? drill;
    private MudTable<MigratedCustomer>? drillTable;
    private bool loading = true;

    [Inject]
    private ScoringOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    /// <summary>Each drilled-down customer's AUM is an asset detail: for holders of holdings.read after a step-up.</summary>
    private bool showAssets;

    private sealed record ChartData(string Id, string Title, List<ChartSeries<double>> Series, string[] Labels, List<(string Label, int Count)> Rows);

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        showAssets = StepUp.ShowsAssetAmounts(user);
        runDates = await Operations.QueryAsync(q => q.RunDatesAsync());
        if (runDates.Count > 0)
        {
            selected = runDates[0];
            (from, to) = (runDates.Count > 1 ? runDates[1] : runDates[0], runDates[0]);
            await LoadDistributionAsync();
            await LoadMatrixAsync();
        }

        loading = false;
    }

    private async Task SelectAsync(DateOnly date)
    {
        selected = date;
        await LoadDistributionAsync();
    }

    private async Task FromChangedAsync(DateOnly date)
    {
        from = date;
        await LoadMatrixAsync();
    }

    private async Task ToChangedAsync(DateOnly date)
    {
        to = date;
        await LoadMatrixAsync();
    }

    private async Task LoadDistributionAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        distribution = await Operations.QueryAsync(q => q.DistributionAsync(actor, selected));
        charts =
        [
            Chart("chart-classes", S["Dash.Classes"], distribution.Classes),
            Chart("chart-tiers", S["Dash.Tiers"], distribution.Tiers),
            Chart("chart-stages", S["Dash.Stages"], distribution.Stages),
        ];
    }

    private async Task LoadMatrixAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        matrix = await Operations.QueryAsync(q => q.MigrationAsync(actor, from, to));
        drill = null;
    }

    private int Cell(CustomerClass row, CustomerClass column) =>
        matrix?.Cells.FirstOrDefault(c => c.From == row && c.To == column)?.Count ?? 0;

    private async Task DrillAsync(CustomerClass row, CustomerClass column)
    {
        drill = (row, column);
        if (drillTable is not null)
        {
            await drillTable.ReloadServerData();
        }
    }

    private async Task<TableData<MigratedCustomer>> LoadDrillAsync(TableState state, CancellationToken cancellationToken)
    {
        if (drill is not { } cell)
        {
            return new TableData<MigratedCustomer> { Items = [], TotalItems = 0 };
        }

        var actor = await AuthenticationState.ToActorAsync();
        var page = await Operations.QueryAsync(q => q.MigratedAsync(actor, from, to, cell.From, cell.To, state.Page + 1, state.PageSize, cancellationToken));
        await Audit.ShownAsync(actor, "segment-migration", page.Items, new { from, to, cellFrom = cell.From, cellTo = cell.To, page = state.Page + 1 }, cancellationToken);
        return new TableData<MigratedCustomer> { Items = page.Items, TotalItems = page.Total };
    }

    private static ChartData Chart<T>(string id, string title, IReadOnlyList<CountLine<T>> counts)
        where T : struct, Enum
    {
        // Charts draw doubles; the counts stay integers in the table beside them.
        var labels = counts.Select(c => ScoringLabels.Of(c.Key)).ToArray();
        var series = new List<ChartSeries<double>> { new() { Name = title, Data = counts.Select(c => (double)c.Count).ToArray() } };
        return new ChartData(id, title, series, labels, [.. counts.Select(c => (ScoringLabels.Of(c.Key), c.Count))]);
    }
}
