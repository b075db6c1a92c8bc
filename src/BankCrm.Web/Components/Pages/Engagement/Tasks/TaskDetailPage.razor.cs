using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace BankCrm.Web.Components.Pages.Engagement.Tasks;

/// <summary>One task: everything the card shows, its history, the customer's timeline; start, cancel, log the outcome.</summary>
public sealed partial class TaskDetailPage
{
    private TaskLine? task;
    private string actorId = string.Empty;

    /// <summary>Task reasons carry amounts: shown only where asset details are (StepUp.ShowsAssetAmounts).</summary>
    private bool amountsShown;
    private bool loading = true;

    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TaskOperations Operations { get; set; } = default!;

    [Inject]
    private StepUp StepUp { get; set; } = default!;

    [Inject]
    private BankCrm.Web.Audit.CustomerAudit Audit { get; set; } = default!;

    [Inject]
    private TaskChanges Changes { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        actorId = actor.UserId;
        amountsShown = StepUp.ShowsAssetAmounts((await AuthenticationState).User);
        task = await Operations.GetAsync(actor, Id);
        if (task is not null)
        {
            await Audit.ViewedAsync(actor, task.CustomerId, "task");
        }
        loading = false;
    }

    private async Task ReloadAsync(TaskLine? changed)
    {
        task = changed ?? await Operations.GetAsync(await AuthenticationState.ToActorAsync(), Id);
        if (task is not null)
        {
            await Changes.NotifyAsync(task.CustomerId);
        }
    }

    private async Task StartAsync()
    {
        var actor = await AuthenticationState.ToActorAsync();
        await ShowAsync(await Operations.ChangeAsync(store => store.StartAsync(actor, Id)));
    }

    private async Task CancelAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Cancel.Title"], T["Cancel.Body"], yesText: T["Cancel.Yes"], cancelText: T["Dialog.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        var actor = await AuthenticationState.ToActorAsync();
        await ShowAsync(await Operations.ChangeAsync(store => store.CancelAsync(actor, Id, new CancelTask(null))));
    }

    private async Task ShowAsync(TaskChange change)
    {
        switch (change)
        {
            case TaskChange.Changed changed:
                await ReloadAsync(changed.Task);
                break;
            case TaskChange.Conflict conflict:
                Snackbar.Add(conflict.Message, Severity.Warning);
                await ReloadAsync(null);
                break;
            default:
                Snackbar.Add(T["NotAvailable"], Severity.Warning);
                break;
        }
    }
}
