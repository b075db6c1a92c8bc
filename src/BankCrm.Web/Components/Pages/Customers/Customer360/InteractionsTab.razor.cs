using BankCrm.Data.Customers;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Customers.Customer360;

public sealed partial class InteractionsTab
{
    private const int PageSize = 20;
    private List<InteractionLine>? items;
    private int total;
    private int page;
    private bool busy;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadMoreAsync();

    private async Task LoadMoreAsync()
    {
        busy = true;
        var actor = await AuthenticationState.ToActorAsync();
        var next = page + 1;
        var result = await Operations.QueryAsync(q => q.InteractionsAsync(actor, CustomerId, next, PageSize));
        items ??= [];
        if (result is not null)
        {
            items.AddRange(result.Items);
            total = result.Total;
            page = next;
        }

        busy = false;
    }
}
