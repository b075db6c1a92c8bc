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

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    /// <summary>Each customer's AUM is an asset detail: shown after a step-up; the book total is an aggregate and always shown.</summary>
    private bool assetsShown;

    private bool OwnBook => overview?.Scope == ScopeKind.OwnBook;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        var actor = user.ToActor();
        assetsShown = StepUp.ShowsAssetDetails(user);
        overview = await Operations.BookOverviewAsync(actor);
        await Audit.ShownAsync(actor, "workbench.book", overview);
    }
}
