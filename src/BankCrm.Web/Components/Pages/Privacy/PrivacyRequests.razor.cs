using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Components.Shared;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Privacy;

/// <summary>The request queue: soonest due first, server-paged, filtered by status, kind and open/closed.</summary>
public sealed partial class PrivacyRequests
{
    private readonly int[] pageSizes = [20, 50, 100];
    private MudTable<RequestListItem>? table;
    private RequestStatus? status;
    private RequestKind? kind;
    private bool openOnly = true;
    private int total;

    /// <summary>Set by the link on the Customer 360 page: that customer's requests only.</summary>
    [SupplyParameterFromQuery]
    public long? CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PrivacyOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private async Task<TableData<RequestListItem>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var actor = await AuthenticationState.ToActorAsync();
        var filter = new RequestFilter { Status = status, Kind = kind, OpenOnly = openOnly, CustomerId = CustomerId, Page = state.Page + 1, PageSize = state.PageSize };
        var result = await Operations.RunAsync(s => s.Requests.ListAsync(actor, filter, cancellationToken));
        total = result.Total;
        await Audit.ShownAsync(actor, "privacy-requests", result.Items, new { customer = CustomerId, page = state.Page + 1 }, cancellationToken);
        return new TableData<RequestListItem> { Items = result.Items, TotalItems = result.Total };
    }

    private Task OnStatusChanged(RequestStatus? value)
    {
        status = value;
        return ReloadAsync();
    }

    private Task OnKindChanged(RequestKind? value)
    {
        kind = value;
        return ReloadAsync();
    }

    private Task OnOpenOnlyChanged(bool value)
    {
        openOnly = value;
        return ReloadAsync();
    }

    private Task ReloadAsync() => table.ReloadFromFirstPageAsync();

    private void Open(RequestListItem? item)
    {
        if (item is not null)
        {
            Navigation.NavigateTo($"/privacy/requests/{item.Id}");
        }
    }
}
