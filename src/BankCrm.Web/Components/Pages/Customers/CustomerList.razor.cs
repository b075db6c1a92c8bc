using BankCrm.Core.Common;
using BankCrm.Core.Customers;
using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Web.Components.Shared;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers;

public sealed partial class CustomerList
{
    private readonly int[] pageSizes = [20, 50, 100];
    private MudTable<CustomerListItem>? table;
    private IReadOnlyList<BranchOption> branches = [];
    private IReadOnlyList<StaffOption> managers = [];
    private Actor? actor;
    private string? search;
    private string? appliedQuery;
    private CustomerType? type;
    private int? branchId;
    private string? managerId;
    private int total;
    private bool totalIsLowerBound;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The export API with the filters on screen; the file is masked, stamped and audited by the server.</summary>
    private string ExportHref(string format)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["format"] = format,
            ["q"] = search,
            ["branchId"] = branchId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["relationshipManagerId"] = managerId,
            ["type"] = type?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/api/v1/customers/export", parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The text typed in the global search box of the app bar.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        (branches, managers) = await Operations.ReadAsync(async db =>
        {
            // Relationship managers only see their own book, so branch and manager filters would be noise.
            if (actor.Scope.Kind is ScopeKind.OwnBook or ScopeKind.None)
            {
                return ((IReadOnlyList<BranchOption>)[], (IReadOnlyList<StaffOption>)[]);
            }

            return (await StaffDirectory.BranchesAsync(db, actor), await StaffDirectory.RelationshipManagersAsync(db, actor, branchId: null));
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new global search while this page is open arrives as a new query parameter.
        if (Query != appliedQuery)
        {
            appliedQuery = Query;
            search = Query;
            await ReloadAsync();
        }
    }

    private async Task<TableData<CustomerListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        actor ??= await AuthenticationState.ToActorAsync();
        var query = new CustomerListQuery
        {
            Search = search,
            Type = type,
            BranchId = branchId,
            RelationshipManagerId = managerId,
            Sort = Enum.TryParse<CustomerSort>(state.SortLabel, out var sort) ? sort : CustomerSort.CustomerNumber,
            Descending = state.SortDirection == SortDirection.Descending,
            Page = state.Page + 1,
            PageSize = state.PageSize,
        };
        PagedResult<CustomerListItem> result = await Operations.SearchAsync(s => s.ListAsync(actor, query, cancellationToken));
        total = result.Total;
        totalIsLowerBound = result.TotalIsLowerBound;
        await Audit.ShownAsync(actor, "customer-list", result.Items, new { search = BankCrm.Web.Audit.MaskedSearch.Text(search), type, branchId, managerId, page = query.Page }, cancellationToken);
        return new TableData<CustomerListItem> { Items = result.Items, TotalItems = result.Total };
    }

    private Task OnSearchChanged(string? value)
    {
        search = value;
        return ReloadAsync();
    }

    private Task OnTypeChanged(CustomerType? value)
    {
        type = value;
        return ReloadAsync();
    }

    private Task OnBranchChanged(int? value)
    {
        branchId = value;
        return ReloadAsync();
    }

    private Task OnManagerChanged(string? value)
    {
        managerId = value;
        return ReloadAsync();
    }

    private Task ReloadAsync() => table.ReloadFromFirstPageAsync();

    private void OpenCustomer(TableRowClickEventArgs<CustomerListItem> args)
    {
        if (args.Item is { } item)
        {
            Navigation.NavigateTo($"/customers/{item.Id}");
        }
    }
}
