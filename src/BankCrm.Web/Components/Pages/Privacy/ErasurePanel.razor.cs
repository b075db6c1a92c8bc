using BankCrm.Core.Privacy;
using BankCrm.Data.Privacy;
using BankCrm.Web.Identity;
using BankCrm.Web.Privacy;
using BankCrm.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Privacy;

/// <summary>Shows what an erasure removes and keeps (and why) before compliance confirms and executes it.</summary>
public sealed partial class ErasurePanel
{
    private ErasurePlan? plan;
    private string? error;
    private bool busy;

    [Parameter, EditorRequired]
    public RequestDetail Request { get; set; } = default!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PrivacyOperations Operations { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<PrivacyText> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Request.Status is RequestStatus.Received or RequestStatus.InProgress)
        {
            var actor = await AuthenticationState.ToActorAsync();
            plan = (await Operations.RunAsync(s => s.Erasure.PreviewAsync(actor, Request.Id))).Value;
        }
    }

    private async Task ExecuteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(Text["Erasure.ConfirmTitle"], Text["Erasure.ConfirmText"], yesText: Text["Erasure.Execute"], cancelText: Text["Action.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        error = null;
        var actor = await AuthenticationState.ToActorAsync();
        var result = await Operations.RunAsync(s => s.Erasure.ExecuteAsync(actor, Request.Id));
        busy = false;
        if (result.Problem is { } problem)
        {
            error = problem.Message;
            return;
        }

        await Changed.InvokeAsync();
    }
}
