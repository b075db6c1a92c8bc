using BankCrm.Core.Common;
using BankCrm.Core.Engagement;
using BankCrm.Data.Engagement.Interactions;
using BankCrm.Data.Engagement.Tasks;
using BankCrm.Web.Engagement.Tasks;
using BankCrm.Web.Identity;
using BankCrm.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BankCrm.Web.Components.Engagement.Tasks;

/// <summary>记录互动: channel, outcome (the fixed list), what was said and the next step; from a task it links the task and can close it.</summary>
public sealed partial class LogInteractionDialog
{
    private InteractionChannel? channel = InteractionChannel.Call;
    private string? outcome;
    private string? summary;
    private string? nextStep;
    private bool completeTask = true;
    private bool saving;
    private IReadOnlyList<FieldError> errors = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private TaskOperations Operations { get; set; } = default!;

    [Inject]
    private TaskChanges Changes { get; set; } = default!;

    [Parameter]
    public long CustomerId { get; set; }

    /// <summary>The task the contact is logged from, if any.</summary>
    [Parameter]
    public TaskLine? FromTask { get; set; }

    /// <summary>Opens the dialog; the logged interaction, or null when the user cancelled.</summary>
    public static async Task<InteractionOutcome.Logged?> ShowAsync(IDialogService dialogs, IStringLocalizer<TaskText> text, long customerId, TaskLine? task)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(text);
        var parameters = new DialogParameters<LogInteractionDialog> { { d => d.CustomerId, customerId }, { d => d.FromTask, task } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await dialogs.ShowAsync<LogInteractionDialog>(text["Dialog.Title"], parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: InteractionOutcome.Logged logged } ? logged : null;
    }

    private string? Errors(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        saving = true;
        var actor = await AuthenticationState.ToActorAsync();
        var request = new LogInteraction(channel?.ToString(), summary, outcome, nextStep, TaskId: FromTask?.Id, CompleteTask: FromTask is not null && completeTask);
        var result = await Operations.LogInteractionAsync(actor, CustomerId, request);
        saving = false;
        switch (result)
        {
            case InteractionOutcome.Logged logged:
                await Changes.NotifyAsync(CustomerId);
                Dialog.Close(DialogResult.Ok(logged));
                break;
            case InteractionOutcome.Invalid invalid:
                errors = invalid.Errors;
                break;
            default:
                Dialog.Cancel();
                break;
        }
    }
}
