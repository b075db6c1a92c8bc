using System.Security.Claims;
using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Privacy;

/// <summary>One request: its facts, its history and the action its kind needs (copy, correction or erasure).</summary>
public sealed partial class PrivacyRequestPage
{
    private RequestDetail? request;
    private bool loading = true;
    private bool busy;
    private string? error;
    private string? rejectReason;
    private string? userId;

    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PrivacyOperations Operations { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    private bool IsOpen => request?.Status is RequestStatus.Received or RequestStatus.InProgress;

    private Color StatusColor => request?.Status switch
    {
        RequestStatus.Completed => Color.Success,
        RequestStatus.Rejected => Color.Default,
        RequestStatus.InProgress => Color.Info,
        _ => Color.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        await ReloadAsync();
        loading = false;
    }

    private async Task ReloadAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Operations.RunAsync(s => s.Requests.GetAsync(actor, Id));
        request = result.Value;
        if (result.Problem?.CustomerId is { } customerId)
        {
            // Same rule as the API: a customer outside the caller's scope is not shown, and the attempt is recorded.
            await Audit.DeniedIfExistsAsync(actor, customerId, "privacy");
        }
    }

    private async Task MoveAsync(RequestStatus to)
    {
        busy = true;
        error = null;
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Operations.RunAsync(s => s.Requests.TransitionAsync(actor, Id, to, to == RequestStatus.Rejected ? rejectReason : null));
        busy = false;
        if (result.Problem is { } problem)
        {
            error = problem.Message;
            return;
        }

        request = result.Value;
        rejectReason = null;
    }
}
