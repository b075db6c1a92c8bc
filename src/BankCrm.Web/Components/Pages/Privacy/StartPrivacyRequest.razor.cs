using BankCrm.Core.Organization;
using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace BankCrm.Web.Components.Pages.Privacy;

/// <summary>Logs a data-subject request for the customer on screen and opens it.</summary>
public sealed partial class StartPrivacyRequest
{
    private bool open;
    private bool saving;
    private RequestKind kind = RequestKind.Access;
    private RequestChannel channel = RequestChannel.Branch;
    private string? note;
    private string? error;
    private int openCount;

    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PrivacyOperations Operations { get; set; } = default!;

    [Inject]
    private PrivacyOptions Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var state = await AuthenticationState;
        if (PermissionMatrix.Allows(state.User.ToActor().Roles, Permissions.PrivacyRequests))
        {
            var actor = state.User.ToActor();
            openCount = (await Operations.RunAsync(s => s.Requests.ListAsync(actor, new RequestFilter { CustomerId = CustomerId, OpenOnly = true, PageSize = 1 }))).Total;
        }
    }

    private async Task SaveAsync()
    {
        saving = true;
        error = null;
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Operations.RunAsync(s => s.Requests.CreateAsync(actor, new NewRequest(CustomerId, kind, channel, note)));
        saving = false;
        if (result.Problem is { } problem)
        {
            error = problem.Message;
            return;
        }

        Navigation.NavigateTo($"/privacy/requests/{result.Value!.Id}");
    }
}
