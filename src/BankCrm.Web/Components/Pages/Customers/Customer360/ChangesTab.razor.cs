using BankCrm.Data.Customers;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class ChangesTab
{
    private readonly int[] pageSizes = [20, 50];

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    private async Task<TableData<ChangeLine>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Operations.QueryAsync(q => q.ChangesAsync(actor, CustomerId, state.Page + 1, state.PageSize, cancellationToken));
        if (result is not null)
        {
            await Audit.ViewedAsync(actor, CustomerId, "360.changes", cancellationToken: cancellationToken);
        }
        return new TableData<ChangeLine> { Items = result?.Items ?? [], TotalItems = result?.Total ?? 0 };
    }
}
