using BankCrm.Core.Organization;
using BankCrm.Data.Customers;
using BankCrm.Web.Customers;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages;

public sealed partial class Home
{
    private BookOverview? overview;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private CustomerOperations Operations { get; set; } = default!;

    private bool OwnBook => overview?.Scope == ScopeKind.OwnBook;

    protected override async Task OnInitializedAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        overview = await Operations.BookOverviewAsync(actor);
    }
}
